# SPDX-License-Identifier: GPL-3.0-or-later
# Jekyll's own verdict on each case: every post is built alone, in a site of its own (an
# empty _config.yml, the case copied into _posts/ under its own name), by Jekyll's own
# Site#process. One JSON line per case: the verdict ("refused" when the build raises, or
# when Jekyll logs an error and drops the post's front matter — a YAML error, which it
# reports and skips unless strict_front_matter is set), the message, whether the post is
# published, and the date and URL it got.
#
#   ruby validate.rb CASES_DIR WORK_DIR FILE...      (FILE relative to CASES_DIR)
require "jekyll"
require "json"
require "fileutils"

cases_dir, work = ARGV.shift(2)
Jekyll.logger.log_level = :error
# Every error Jekyll logs, kept for the case being built.
$logged = []
Jekyll::LogAdapter.prepend(Module.new do
  def error(topic, message = nil, &block)
    $logged << "#{topic} #{message}"
    super
  end
end)
ARGV.each do |rel|
  site_dir = File.join(work, "site")
  FileUtils.rm_rf(site_dir)
  FileUtils.mkdir_p(File.dirname(File.join(site_dir, rel)))
  FileUtils.cp(File.join(cases_dir, rel), File.join(site_dir, rel))
  File.write(File.join(site_dir, "_config.yml"), "")
  result = { "case" => File.join(cases_dir, rel) }
  $logged = []
  begin
    config = Jekyll.configuration("source" => site_dir, "destination" => File.join(work, "out"),
                                  "quiet" => true, "disable_disk_cache" => true)
    site = Jekyll::Site.new(config)
    site.process
    post = site.posts.docs.find { |d| d.relative_path == rel }
    result["verdict"] = $logged.empty? ? "accepted" : "refused"
    result["published"] = !post.nil?
    result["date"] = post.date.strftime("%Y-%m-%d %H:%M:%S") if post
    result["url"] = post.url if post
    result["message"] = $logged.join(" ").gsub(/\s+/, " ")[0, 300]
    result["detail"] = post ? "published, dated #{result["date"]}" : "not published"
  rescue StandardError, SyntaxError => e
    result["verdict"] = "refused"
    result["message"] = "#{e.class}: #{e.message}".gsub(/\s+/, " ")[0, 300]
  end
  puts JSON.generate(result)
end
