#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Offline checks of the Flatpak manifest.

  check-manifest.py ids    SOURCE_ROOT   app id = file name = desktop, metainfo and icon names;
                                         runtime, command and finish-args as agreed; every
                                         git source pinned by commit, every archive by sha256;
                                         every --filesystem justified in a "//finish-args" note
  check-manifest.py schema SOURCE_ROOT   valid against flatpak-builder's JSON schema
                                         (../shared/flatpak) with ajv-cli@5 + ajv-formats@3,
                                         installed into flatpak/.tools on first use
  check-manifest.py show   SOURCE_ROOT   flatpak-builder --show-manifest prints no warning

A check whose tool or schema is missing is skipped (exit 77) with a message.
"""
import fcntl
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

SKIP = 77
REQUIRED_FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']
AJV_PACKAGES = ['ajv-cli@5', 'ajv-formats@3']


def manifest_path(root):
    found = glob.glob(os.path.join(root, 'flatpak', '*.json'))
    if len(found) != 1:
        sys.exit(f'ERROR: expected exactly one manifest in flatpak/, found {found}')
    return found[0]


def meson_app_id(root):
    with open(os.path.join(root, 'meson.build'), encoding='utf-8') as f:
        m = re.search(r"^app_id\s*=\s*'([^']+)'", f.read(), re.M)
    return m.group(1) if m else None


def walk_modules(modules, out):
    for module in modules:
        if isinstance(module, dict):
            out.append(module)
            walk_modules(module.get('modules', []), out)
    return out


def check_ids(root):
    path = manifest_path(root)
    with open(path, encoding='utf-8') as f:
        manifest = json.load(f)  # strict JSON: no comments, so schema tools can read it too
    errors = []

    def expect(cond, message):
        if not cond:
            errors.append(message)

    app_id = manifest.get('id') or manifest.get('app-id')
    name = os.path.basename(path)[:-len('.json')]
    expect(app_id == name, f'id {app_id!r} differs from the file name {name!r}')
    expect(app_id == meson_app_id(root), f'id {app_id!r} differs from app_id in meson.build')

    data = os.path.join(root, 'data')
    desktop = os.path.join(data, app_id + '.desktop.in')
    metainfo = os.path.join(data, app_id + '.metainfo.xml.in')
    icon = os.path.join(data, 'icons/hicolor/scalable/apps', app_id + '.svg')
    symbolic = os.path.join(data, 'icons/hicolor/symbolic/apps', app_id + '-symbolic.svg')
    for p in (desktop, metainfo, icon, symbolic):
        expect(os.path.isfile(p), f'{os.path.relpath(p, root)} is missing')
    for p in (icon, symbolic):
        if os.path.isfile(p):
            try:
                svg = ET.parse(p).getroot()
                expect(svg.tag.endswith('svg'), f'{os.path.relpath(p, root)} is not an SVG')
            except ET.ParseError as e:
                errors.append(f'{os.path.relpath(p, root)}: {e}')
    if os.path.isfile(desktop):
        with open(desktop, encoding='utf-8') as f:
            icons = re.findall(r'^Icon=(.*)$', f.read(), re.M)
        expect(icons == [app_id], f'desktop file Icon={icons} differs from the app id')
    if os.path.isfile(metainfo):
        component = ET.parse(metainfo).getroot()
        expect(component.findtext('id') == app_id,
               f'metainfo <id> {component.findtext("id")!r} differs from the app id')
        launchable = component.findtext('launchable')
        expect(launchable == app_id + '.desktop',
               f'metainfo <launchable> {launchable!r} is not {app_id}.desktop')

    expect(manifest.get('runtime') == 'org.gnome.Platform', 'runtime is not org.gnome.Platform')
    expect(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is not org.gnome.Sdk')
    expect(manifest.get('runtime-version') == '50', 'runtime-version is not "50"')
    expect(manifest.get('command') == 'lekh', 'command is not lekh')
    finish_args = manifest.get('finish-args', [])
    for arg in REQUIRED_FINISH_ARGS:
        expect(arg in finish_args, f'finish-args lacks {arg}')
    notes = ' '.join(manifest.get('//finish-args', []))
    for arg in finish_args:
        if arg.startswith(('--filesystem', '--share=network', '--talk-name', '--system-talk-name',
                           '--socket=session-bus', '--socket=system-bus', '--device=all')):
            expect(arg in notes, f'{arg} is not justified in "//finish-args"')

    modules = walk_modules(manifest.get('modules', []), [])
    expect(modules and modules[-1].get('name') == 'lekh', 'the last module is not lekh')
    for module in modules:
        for source in module.get('sources', []):
            if not isinstance(source, dict):
                continue
            where = f'module {module.get("name")!r}: {source.get("type")} source'
            kind = source.get('type')
            if kind == 'git':
                commit = source.get('commit', '')
                expect(re.fullmatch(r'[0-9a-f]{40}', commit) is not None,
                       f'{where} {source.get("url")} is not pinned by a full commit id')
                expect('branch' not in source, f'{where} follows a branch')
            elif kind in ('archive', 'file') and 'url' in source:
                expect(re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')) is not None,
                       f'{where} {source.get("url")} has no sha256')

    print(f'{os.path.relpath(path, root)}: id {app_id}, {len(modules)} modules, '
          f'finish-args {finish_args}')
    for e in errors:
        print('ERROR: ' + e)
    return 1 if errors else 0


def ajv_binary(root):
    tools = os.path.join(root, 'flatpak', '.tools')
    ajv = os.path.join(tools, 'node_modules', '.bin', 'ajv')
    formats = os.path.join(tools, 'node_modules', 'ajv-formats')
    os.makedirs(tools, exist_ok=True)
    with open(os.path.join(tools, '.lock'), 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two build dirs may test at once
        if os.path.exists(ajv) and os.path.isdir(formats):
            return ajv
        if shutil.which('npm') is None:
            return None
        print(f'Installing {" ".join(AJV_PACKAGES)} into flatpak/.tools')
        r = subprocess.run(['npm', 'install', '--prefix', tools, '--no-audit', '--no-fund',
                            '--loglevel=error'] + AJV_PACKAGES,
                           capture_output=True, text=True)
        if r.returncode != 0 or not os.path.exists(ajv):
            print(r.stdout + r.stderr)
            return ''
    return ajv


def check_schema(root):
    schema = os.path.join(root, '..', 'shared', 'flatpak', 'flatpak-manifest.schema.json')
    if not os.path.isfile(schema):
        print(f'SKIP: {os.path.normpath(schema)} is absent')
        return SKIP
    ajv = ajv_binary(root)
    if ajv is None:
        print('SKIP: npm is not installed (bash build-aux/dev.sh installs nodejs and npm)')
        return SKIP
    if ajv == '':
        print('SKIP: could not install ajv-cli and ajv-formats from the npm registry')
        return SKIP
    cmd = [ajv, 'validate', '--spec=draft7', '--strict=false', '--all-errors', '--errors=text',
           '-c', 'ajv-formats', '-s', schema, '-d', manifest_path(root)]
    print('$ ' + ' '.join(cmd))
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=os.path.join(root, 'flatpak'))
    print(r.stdout + r.stderr)
    return 0 if r.returncode == 0 else 1


def check_show(root):
    builder = shutil.which('flatpak-builder')
    if builder is None:
        print('SKIP: flatpak-builder is not installed (bash build-aux/dev.sh installs it)')
        return SKIP
    r = subprocess.run([builder, '--show-manifest', manifest_path(root)],
                       capture_output=True, text=True)
    shown = json.loads(r.stdout) if r.returncode == 0 else None
    print(f'flatpak-builder --show-manifest: exit {r.returncode}, '
          f'{len(r.stderr.strip().splitlines())} lines on stderr')
    if r.stderr.strip():
        print(r.stderr)
    if r.returncode != 0 or r.stderr.strip() or not shown or not shown.get('modules'):
        return 1
    return 0


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ('ids', 'schema', 'show'):
        print(__doc__)
        return 2
    root = os.path.abspath(sys.argv[2])
    return {'ids': check_ids, 'schema': check_schema, 'show': check_show}[sys.argv[1]](root)


if __name__ == '__main__':
    sys.exit(main())
