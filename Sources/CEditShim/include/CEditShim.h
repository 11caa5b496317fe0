#ifndef CEDITSHIM_H
#define CEDITSHIM_H
/* Non-variadic wrappers around libedit's variadic el_set/el_get/history, which Swift
   cannot call ("Variadic function is unavailable"), plus the few things Swift 6 cannot
   touch (the C globals stdin/stdout/stderr) and a SIGINT counter. No state is kept here
   except that counter. */
#include <histedit.h>
#include <signal.h>
#include <stdio.h>

typedef char *(*es_prompt_fn)(EditLine *);

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

#endif
