/* SPDX-License-Identifier: GPL-3.0-or-later */
/* startup-watch: run a program on the current X display and report, from X events (no
 * polling), when its first top-level window is mapped and when something is first drawn.
 *
 *   startup-watch [--log FILE] -- PROGRAM [ARGS...]
 *
 * Before forking, it selects SubstructureNotify on the root window (with no window manager
 * every top-level window is a child of the root, so its MapNotify arrives here) and creates
 * an XDamage object on the root window (damage to any visible window is damage to the root).
 * It prints lines on stdout, times in seconds of CLOCK_MONOTONIC (the clock of Python's
 * time.monotonic()):
 *
 *   exec T          just before fork + exec of PROGRAM
 *   pid N           the program's process id
 *   map T WIN WxH CPU  first MapNotify of a top-level, non-override-redirect window, with
 *                   the CPU seconds (user + system) the program had used by then, which
 *                   other load on the machine does not inflate as it does wall-clock time
 *   paint T         first damage on the screen after that map (the first frame drawn)
 *   ping SENT       a _NET_WM_PING sent to that window
 *   pong SENT RECV  round trip of a _NET_WM_PING sent to that window: GDK answers it when its
 *                   main loop dispatches X events, so a late answer is a main loop that would
 *                   also have been late for a key press. A ping is sent every 100 ms after the
 *                   map (several may be in flight while the program is busy).
 *   exit STATUS     the program ended (exit code, or 128 + signal)
 *
 * It runs until the program exits; whoever reads the lines ends the program with a signal.
 * Built on the fly by bench/startup with `cc startup-watch.c -lX11 -lXdamage`.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

#define MAX_PINGS 4096

static double ping_sent[MAX_PINGS];

static double
cpu_seconds (pid_t pid)
{
  char path[64], buf[1024];
  unsigned long utime = 0, stime = 0;
  FILE *f;
  char *p;

  snprintf (path, sizeof path, "/proc/%d/stat", (int) pid);
  f = fopen (path, "r");
  if (f == NULL)
    return -1;
  if (fgets (buf, sizeof buf, f) == NULL || (p = strrchr (buf, ')')) == NULL
      || sscanf (p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
                 &utime, &stime) != 2)
    {
      fclose (f);
      return -1;
    }
  fclose (f);
  return (double) (utime + stime) / sysconf (_SC_CLK_TCK);
}

static int
ignore_x_error (Display     *dpy,
                XErrorEvent *ev)
{
  (void) dpy;
  (void) ev;
  return 0;
}

int
main (int    argc,
      char **argv)
{
  const char *log_path = "/dev/null";
  Display *dpy;
  Window root;
  int damage_event = 0, damage_error = 0, have_damage;
  Damage damage = 0;
  int argi = 1;
  int mapped = 0, painted = 0;
  Window toplevel = None;
  Atom wm_protocols, net_wm_ping;
  long n_pings = 0;
  double next_ping = 0;
  int xfd;
  pid_t pid;
  double t0;

  while (argi < argc && strncmp (argv[argi], "--", 2) == 0 && argv[argi][2] != '\0')
    {
      if (strcmp (argv[argi], "--log") == 0 && argi + 1 < argc)
        log_path = argv[argi + 1], argi += 2;
      else
        {
          fprintf (stderr, "startup-watch: unknown option %s\n", argv[argi]);
          return 2;
        }
    }
  if (argi < argc && strcmp (argv[argi], "--") == 0)
    argi++;
  if (argi >= argc)
    {
      fprintf (stderr, "usage: startup-watch [--log FILE] -- PROGRAM [ARGS...]\n");
      return 2;
    }

  dpy = XOpenDisplay (NULL);
  if (dpy == NULL)
    {
      fprintf (stderr, "startup-watch: cannot open display %s\n",
               getenv ("DISPLAY") ? getenv ("DISPLAY") : "(unset)");
      return 2;
    }
  XSetErrorHandler (ignore_x_error);
  root = DefaultRootWindow (dpy);
  wm_protocols = XInternAtom (dpy, "WM_PROTOCOLS", False);
  net_wm_ping = XInternAtom (dpy, "_NET_WM_PING", False);
  XSelectInput (dpy, root, SubstructureNotifyMask);
  have_damage = XDamageQueryExtension (dpy, &damage_event, &damage_error);
  if (have_damage)
    damage = XDamageCreate (dpy, root, XDamageReportNonEmpty);
  XSync (dpy, False);
  xfd = ConnectionNumber (dpy);

  setvbuf (stdout, NULL, _IOLBF, 0);
  t0 = now ();
  pid = fork ();
  if (pid < 0)
    {
      perror ("startup-watch: fork");
      return 2;
    }
  if (pid == 0)
    {
      int fd = open (log_path, O_WRONLY | O_CREAT | O_APPEND, 0644);

      if (fd >= 0)
        {
          dup2 (fd, STDOUT_FILENO);
          dup2 (fd, STDERR_FILENO);
          close (fd);
        }
      close (xfd);
      execvp (argv[argi], argv + argi);
      fprintf (stderr, "startup-watch: cannot run %s: %s\n", argv[argi], strerror (errno));
      _exit (127);
    }
  printf ("exec %.6f\npid %d\n", t0, (int) pid);

  for (;;)
    {
      int status;
      pid_t r = waitpid (pid, &status, WNOHANG);

      if (r == pid)
        {
          printf ("exit %d\n", WIFEXITED (status) ? WEXITSTATUS (status)
                                                  : 128 + WTERMSIG (status));
          break;
        }

      /* Block on the X connection; wake every 50 ms only to notice the child's exit. */
      while (XPending (dpy) > 0)
        {
          XEvent ev;

          XNextEvent (dpy, &ev);
          if (ev.type == MapNotify && !mapped && ev.xmap.event == root
              && !ev.xmap.override_redirect)
            {
              double t = now ();
              XWindowAttributes attrs = { 0 };

              XGetWindowAttributes (dpy, ev.xmap.window, &attrs);
              mapped = 1;
              toplevel = ev.xmap.window;
              next_ping = t;
              printf ("map %.6f 0x%lx %dx%d %.2f\n", t, ev.xmap.window, attrs.width, attrs.height,
                      cpu_seconds (pid));
            }
          else if (ev.type == ClientMessage && ev.xclient.window == root
                   && ev.xclient.message_type == wm_protocols
                   && (Atom) ev.xclient.data.l[0] == net_wm_ping)
            {
              long seq = ev.xclient.data.l[1];

              if (seq >= 1 && seq <= n_pings)
                printf ("pong %.6f %.6f\n", ping_sent[seq - 1], now ());
            }
          else if (have_damage && ev.type == damage_event + XDamageNotify)
            {
              double t = now ();

              XDamageSubtract (dpy, damage, None, None);
              if (mapped && !painted)
                {
                  painted = 1;
                  printf ("paint %.6f\n", t);
                }
            }
        }

      if (toplevel != None && n_pings < MAX_PINGS && now () >= next_ping)
        {
          XEvent ping = { 0 };

          ping.xclient.type = ClientMessage;
          ping.xclient.window = toplevel;
          ping.xclient.message_type = wm_protocols;
          ping.xclient.format = 32;
          ping.xclient.data.l[0] = net_wm_ping;
          ping.xclient.data.l[1] = n_pings + 1;   /* echoed back: our sequence number */
          ping.xclient.data.l[2] = toplevel;
          ping_sent[n_pings] = now ();
          XSendEvent (dpy, toplevel, False, NoEventMask, &ping);
          XFlush (dpy);
          printf ("ping %.6f\n", ping_sent[n_pings++]);
          next_ping += 0.1;
        }

      {
        fd_set fds;
        struct timeval tv = { 0, 20000 };

        FD_ZERO (&fds);
        FD_SET (xfd, &fds);
        if (select (xfd + 1, &fds, NULL, NULL, &tv) < 0 && errno != EINTR)
          break;
      }
    }

  if (damage)
    XDamageDestroy (dpy, damage);
  XCloseDisplay (dpy);
  return 0;
}
