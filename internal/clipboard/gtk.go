//go:build linux && (desktop || production || dev)

package clipboard

/*
#cgo pkg-config: gtk+-3.0
#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

// The clipboard this process owns: CLIPBOARD only (never PRIMARY, which a
// middle click pastes and nothing clears), offering the text under the text
// targets and "x-kde-passwordManagerHint" = "secret", which clipboard
// managers (Klipper, GNOME extensions, CopyQ) read as "do not keep".
// Everything runs on GTK's main thread, reached through an idle callback.

enum { forgiva_target_text = 1, forgiva_target_hint = 2 };
enum { forgiva_op_set = 1, forgiva_op_clear = 2 };

static char *forgiva_text = NULL;
static size_t forgiva_len = 0;
static GObject *forgiva_owner = NULL;

static void forgiva_wipe(void) {
	if (forgiva_text != NULL) {
		memset(forgiva_text, 0, forgiva_len);
		free(forgiva_text);
	}
	forgiva_text = NULL;
	forgiva_len = 0;
}

static void forgiva_get(GtkClipboard *cb, GtkSelectionData *sel, guint info, gpointer owner) {
	if (info == forgiva_target_hint) {
		gtk_selection_data_set(sel, gtk_selection_data_get_target(sel), 8, (const guchar *)"secret", 6);
	} else if (forgiva_text != NULL) {
		gtk_selection_data_set_text(sel, forgiva_text, (gint)forgiva_len);
	}
}

// Called by GTK when we lose the clipboard (another copy) or clear it.
static void forgiva_lost(GtkClipboard *cb, gpointer owner) { forgiva_wipe(); }

typedef struct {
	GMutex mu;
	GCond cond;
	gboolean done, abandoned, result;
	int op;
	char *text;
	size_t len;
} forgiva_call;

static void forgiva_do(forgiva_call *call) {
	GtkClipboard *cb = gtk_clipboard_get(GDK_SELECTION_CLIPBOARD);
	if (forgiva_owner == NULL) forgiva_owner = g_object_new(G_TYPE_OBJECT, NULL);
	if (call->op == forgiva_op_set) {
		GtkTargetList *list = gtk_target_list_new(NULL, 0);
		gtk_target_list_add_text_targets(list, forgiva_target_text);
		gtk_target_list_add(list, gdk_atom_intern_static_string("x-kde-passwordManagerHint"), 0, forgiva_target_hint);
		gint n = 0;
		GtkTargetEntry *targets = gtk_target_table_new_from_list(list, &n);
		// Setting again calls forgiva_lost for the old text first, so the
		// new text is kept only after.
		call->result = gtk_clipboard_set_with_owner(cb, targets, n, forgiva_get, forgiva_lost, forgiva_owner);
		gtk_target_table_free(targets, n);
		gtk_target_list_unref(list);
		if (call->result) {
			forgiva_text = call->text;
			forgiva_len = call->len;
			call->text = NULL;
		}
	} else if (gtk_clipboard_get_owner(cb) == forgiva_owner) {
		gtk_clipboard_clear(cb);
		call->result = TRUE;
	}
}

static gboolean forgiva_idle(gpointer p) {
	forgiva_call *call = p;
	g_mutex_lock(&call->mu);
	if (!call->abandoned) forgiva_do(call);
	call->done = TRUE;
	gboolean free_it = call->abandoned;
	g_cond_signal(&call->cond);
	g_mutex_unlock(&call->mu);
	if (free_it) {
		if (call->text != NULL) { memset(call->text, 0, call->len); free(call->text); }
		g_free(call);
	}
	return G_SOURCE_REMOVE;
}

// forgiva_clipboard runs op on GTK's main thread and waits for it, at most
// timeout_ms (the main loop may not run yet). It takes text (malloc'ed).
// Returns 1 for done and true, 0 for done and false, -1 for no main loop.
static int forgiva_clipboard(int op, char *text, size_t len, gint64 timeout_ms) {
	forgiva_call *call = g_new0(forgiva_call, 1);
	g_mutex_init(&call->mu);
	g_cond_init(&call->cond);
	call->op = op;
	call->text = text;
	call->len = len;
	g_mutex_lock(&call->mu);
	gdk_threads_add_idle(forgiva_idle, call);
	gint64 end = g_get_monotonic_time() + timeout_ms * G_TIME_SPAN_MILLISECOND;
	while (!call->done) {
		if (!g_cond_wait_until(&call->cond, &call->mu, end)) break;
	}
	if (!call->done) {
		call->abandoned = TRUE; // forgiva_idle frees it, if it ever runs
		g_mutex_unlock(&call->mu);
		return -1;
	}
	int result = call->result ? 1 : 0;
	g_mutex_unlock(&call->mu);
	if (call->text != NULL) { memset(call->text, 0, call->len); free(call->text); }
	g_mutex_clear(&call->mu);
	g_cond_clear(&call->cond);
	g_free(call);
	return result;
}

// forgiva_main_loop runs GTK on the calling thread until the process ends:
// the tests' stand-in for the window's main loop, which Wails runs.
static int forgiva_main_loop(void) {
	if (!gtk_init_check(NULL, NULL)) return 0;
	gtk_main();
	return 1;
}
*/
import "C"

import (
	"errors"
	"runtime"
	"unsafe"
)

// runMainLoop runs GTK's main loop on a thread of its own, for the tests
// (the app's is the window's). It returns false when there is no display.
func runMainLoop() bool {
	failed := make(chan struct{})
	go func() {
		runtime.LockOSThread()
		if C.forgiva_main_loop() == 0 {
			close(failed)
		}
	}()
	// With a display, gtk_main never returns: a clipboard call answers once
	// the loop runs.
	select {
	case <-failed:
		return false
	default:
	}
	_, err := gtkBoard{}.ClearIfOurs()
	return err == nil
}

// mainLoopWait bounds a call's wait for GTK's main loop, which the window's
// runtime runs; before it does, the clipboard is not there to use.
const mainLoopWait = 2000

var errNoMainLoop = errors.New("the desktop clipboard is not available (GTK's main loop is not running)")

// gtkBoard is the GTK clipboard, owned by this process: see the C above.
type gtkBoard struct{}

// System is the clipboard of the desktop session: here GTK's, so board
// (the window runtime's, which also fills PRIMARY) is not used.
func System(Board) SecretBoard { return gtkBoard{} }

func (gtkBoard) SetSecret(secret []byte) error {
	text := C.CBytes(secret) // freed (and zeroed) by the C side
	switch C.forgiva_clipboard(C.forgiva_op_set, (*C.char)(text), C.size_t(len(secret)), mainLoopWait) {
	case 1:
		return nil
	case 0:
		return errors.New("the desktop refused the clipboard")
	}
	return errNoMainLoop
}

func (gtkBoard) ClearIfOurs() (bool, error) {
	switch C.forgiva_clipboard(C.forgiva_op_clear, (*C.char)(unsafe.Pointer(nil)), 0, mainLoopWait) {
	case 1:
		return true, nil
	case 0:
		return false, nil
	}
	return false, errNoMainLoop
}
