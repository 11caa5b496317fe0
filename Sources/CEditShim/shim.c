#define _GNU_SOURCE
#include "CEditShim.h"
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <limits.h>
#include <wchar.h>

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

int es_add_fn(EditLine *el, const char *name, const char *help, es_cmd_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
FILE *es_output_file(EditLine *el) {
    FILE *fp = NULL;
    return el_get(el, EL_GETFP, 1, &fp) == 0 ? fp : NULL;
}
int es_use_shim_reader(EditLine *el) { return el_set(el, EL_GETCFN, es_read_char); }

static int es_prompt_columns = 0;
void es_set_prompt_width(int columns) { es_prompt_columns = columns; }

static volatile sig_atomic_t es_winch_pending = 0;
static void es_on_sigwinch(int sig) { (void)sig; es_winch_pending = 1; }

int es_install_quiet_signals(struct sigaction *old_quit, struct sigaction *old_winch) {
    struct sigaction ign, winch;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    memset(&winch, 0, sizeof winch);
    winch.sa_handler = es_on_sigwinch;
    sigemptyset(&winch.sa_mask);
    winch.sa_flags = 0; /* a blocking read returns EINTR, so the reader can redraw */
    if (sigaction(SIGQUIT, &ign, old_quit) != 0) return -1;
    if (sigaction(SIGWINCH, &winch, old_winch) != 0) {
        sigaction(SIGQUIT, old_quit, NULL);
        return -1;
    }
    return 0;
}
int es_restore_quiet_signals(const struct sigaction *old_quit, const struct sigaction *old_winch) {
    int a = sigaction(SIGQUIT, old_quit, NULL);
    int b = sigaction(SIGWINCH, old_winch, NULL);
    return a == 0 && b == 0 ? 0 : -1;
}

/* The terminal's width in columns as libedit knows it (80 when unknown). */
static int es_columns(EditLine *el) {
    int cols = 0;
    if (el_get(el, EL_GETTC, "co", &cols, (void *)NULL) != 0 || cols <= 0) cols = 80;
    return cols;
}

/* Display columns of the line before the cursor, plus the prompt. */
static int es_cursor_column(EditLine *el) {
    const LineInfoW *li = el_wline(el);
    int col = es_prompt_columns;
    if (!li) return col;
    for (const wchar_t *p = li->buffer; p < li->cursor; p++) {
        int w = wcwidth(*p);
        col += w > 0 ? w : (w == 0 ? 0 : 2); /* control characters show as ^X */
    }
    return col;
}

/* After a resize: go back to the row the prompt starts on (as it was laid out for the old
   width), clear to the end of the screen, and let libedit draw the prompt and line again. */
static void es_redraw_after_resize(EditLine *el, int old_columns) {
    int row = old_columns > 0 ? es_cursor_column(el) / old_columns : 0;
    el_resize(el);
    FILE *out = es_output_file(el);
    if (out) {
        fputs("\r", out);
        if (row > 0) fprintf(out, "\033[%dA", row);
        fputs("\033[J", out);
        fflush(out);
    }
    el_set(el, EL_REFRESH);
}

int es_read_char(EditLine *el, wchar_t *wc) {
    FILE *in = NULL;
    if (el_get(el, EL_GETFP, 0, &in) != 0 || !in) { errno = EBADF; return -1; }
    int fd = fileno(in);
    char buf[MB_LEN_MAX];
    size_t n = 0;
    int columns = es_columns(el);
    for (;;) {
        if (es_winch_pending) {
            es_winch_pending = 0;
            es_redraw_after_resize(el, columns);
            columns = es_columns(el);
        }
        ssize_t r = read(fd, buf + n, 1);
        if (r == 0) return 0;
        if (r < 0) {
            if (errno != EINTR) return -1;
            if (es_sigint_count > 0) { errno = EINTR; return -1; }
            if (!es_winch_pending) el_set(el, EL_PREP_TERM, 1); /* raw mode again after SIGQUIT */
            continue;
        }
        n++;
        while (n > 0) {
            mbstate_t st;
            memset(&st, 0, sizeof st);
            size_t k = mbrtowc(wc, buf, n, &st);
            if (k == (size_t)-2) {
                if (n < sizeof buf) break;      /* need more bytes */
                k = (size_t)-1;
            }
            if (k == (size_t)-1) {              /* invalid: drop the first byte, retry the rest */
                memmove(buf, buf + 1, --n);
                continue;
            }
            if (k == 0) *wc = 0;
            return 1;
        }
    }
}
