#ifndef CEDITSHIM_H
#define CEDITSHIM_H
/* Non-variadic wrappers around libedit's variadic el_set/el_get/history, which Swift
   cannot call ("Variadic function is unavailable"), plus the few things Swift 6 cannot
   touch (the C globals stdin/stdout/stderr), a SIGINT counter, and a character reader that
   keeps editing through SIGQUIT and redraws after SIGWINCH. The only state kept here is the
   signal flags and the prompt width the reader needs for that redraw. */
#include <histedit.h>
#include <signal.h>
#include <stdio.h>

typedef char *(*es_prompt_fn)(EditLine *);
/* An editor command added with es_add_fn: returns one of the CC_* codes of histedit.h. */
typedef unsigned char (*es_cmd_fn)(EditLine *, int);

/* ---- editor ---- */
/* el_init on stdin, with output on stdout (to_stderr == 0) or stderr (to_stderr != 0). */
EditLine *es_init_stdio(const char *prog, int to_stderr);
/* el_init_fd on two file descriptors (used with a pseudo-terminal in tests). The FILE
   streams are fdopen'ed on dup'ed descriptors and returned in *fin / *fout; the caller
   fcloses them after el_end. Returns NULL on failure (nothing left open). */
EditLine *es_init_fds(const char *prog, int infd, int outfd, FILE **fin, FILE **fout);

/* Prompt with non-printing sequences delimited by `delim` (EL_PROMPT_ESC). */
int es_set_prompt_esc(EditLine *el, es_prompt_fn fn, char delim);
int es_set_editor(EditLine *el, const char *mode);      /* "emacs" | "vi" */
int es_set_signal(EditLine *el, int on);
int es_set_hist(EditLine *el, History *h);              /* passes history() */
int es_bind(EditLine *el, const char *key, const char *command);
int es_set_clientdata(EditLine *el, void *data);
/* EL_ADDFN: a new editor command `name` that es_bind can bind keys to. */
int es_add_fn(EditLine *el, const char *name, const char *help, es_cmd_fn fn);
/* The FILE libedit writes the prompt and line to (EL_GETFP 1), or NULL. */
FILE *es_output_file(EditLine *el);
/* Makes libedit read keys with es_read_char (EL_GETCFN) instead of its own reader. */
int es_use_shim_reader(EditLine *el);
/* The visible width of the current prompt, in columns (used to redraw after a resize). */
void es_set_prompt_width(int columns);
void *es_get_clientdata(EditLine *el);

/* ---- history (narrow, UTF-8 strings stored as given) ---- */
int es_hist_setsize(History *h, int n);
int es_hist_setunique(History *h, int on);
int es_hist_enter(History *h, const char *line);

/* ---- signals ---- */
/* sigaction(SIGINT) without SA_RESTART; the handler only bumps a counter. The previous
   action is stored in *old so it can be put back with es_restore_sigint. */
int es_install_sigint(struct sigaction *old);
int es_restore_sigint(const struct sigaction *old);
/* Number of SIGINTs since the last call; resets the counter. */
int es_take_sigint(void);

/* SIGQUIT ignored (SIG_IGN) and a SIGWINCH handler that only sets a flag, for the editor's
   lifetime; the previous actions are stored in *old_quit / *old_winch. Returns 0 or -1. */
int es_install_quiet_signals(struct sigaction *old_quit, struct sigaction *old_winch);
int es_restore_quiet_signals(const struct sigaction *old_quit, const struct sigaction *old_winch);

/* The character reader installed by es_use_shim_reader: reads one byte at a time from the
   editor's input and decodes it with mbrtowc (the locale's code set, UTF-8), dropping invalid
   bytes. On EINTR: returns -1 (errno EINTR) after a SIGINT counted by es_install_sigint, so
   el_gets returns; after a SIGWINCH it resizes and redraws the prompt and line in place; after
   any other signal (SIGQUIT, which libedit answers by leaving raw mode) it puts the terminal
   back in editing mode and keeps reading, so the line being edited is kept. Returns 1 with a
   character in *wc, 0 at end of input, -1 on a read error. */
int es_read_char(EditLine *el, wchar_t *wc);

#endif
