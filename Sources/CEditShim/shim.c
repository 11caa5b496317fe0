#include "CEditShim.h"
#include <string.h>
#include <unistd.h>

EditLine *es_init_stdio(const char *prog, int to_stderr) {
    return el_init(prog, stdin, to_stderr ? stderr : stdout, stderr);
}

EditLine *es_init_fds(const char *prog, int infd, int outfd, FILE **fin, FILE **fout) {
    *fin = NULL;
    *fout = NULL;
    int in2 = dup(infd), out2 = dup(outfd);
    if (in2 < 0 || out2 < 0) goto fail_fds;
    FILE *in = fdopen(in2, "r");
    if (!in) goto fail_fds;
    FILE *out = fdopen(out2, "w");
    if (!out) { fclose(in); close(out2); return NULL; }
    EditLine *el = el_init_fd(prog, in, out, out, in2, out2, out2);
    if (!el) { fclose(in); fclose(out); return NULL; }
    *fin = in;
    *fout = out;
    return el;
fail_fds:
    if (in2 >= 0) close(in2);
    if (out2 >= 0) close(out2);
    return NULL;
}

int es_set_prompt_esc(EditLine *el, es_prompt_fn fn, char delim) {
    return el_set(el, EL_PROMPT_ESC, fn, delim);
}
int es_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
int es_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
int es_set_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
int es_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, (const char *)NULL);
}
int es_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
void *es_get_clientdata(EditLine *el) {
    void *p = NULL;
    return el_get(el, EL_CLIENTDATA, &p) == 0 ? p : NULL;
}

int es_hist_setsize(History *h, int n) { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
int es_hist_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
int es_hist_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }

static volatile sig_atomic_t es_sigint_count = 0;
static void es_on_sigint(int sig) { (void)sig; es_sigint_count++; }

int es_install_sigint(struct sigaction *old) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = es_on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a blocking read returns EINTR */
    return sigaction(SIGINT, &sa, old);
}
int es_restore_sigint(const struct sigaction *old) { return sigaction(SIGINT, old, NULL); }
int es_take_sigint(void) {
    int n = es_sigint_count;
    es_sigint_count = 0;
    return n;
}
