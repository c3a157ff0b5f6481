//go:build darwin && cgo

package clipboard

/*
#cgo CFLAGS: -x objective-c
#cgo LDFLAGS: -framework AppKit
#import <AppKit/AppKit.h>
#include <string.h>

// forgiva_set puts text on the general pasteboard with the concealed type
// of nspasteboard.org, which clipboard managers and Universal Clipboard
// tools read as "do not keep". It returns the pasteboard's change count
// after the write, or -1.
static long forgiva_set(const void *text, size_t len) {
	NSAutoreleasePool *pool = [[NSAutoreleasePool alloc] init];
	long count = -1;
	NSPasteboard *pb = [NSPasteboard generalPasteboard];
	NSString *s = [[[NSString alloc] initWithBytes:text length:len encoding:NSUTF8StringEncoding] autorelease];
	if (s != nil) {
		NSPasteboardItem *item = [[[NSPasteboardItem alloc] init] autorelease];
		[item setString:s forType:NSPasteboardTypeString];
		[item setData:[NSData data] forType:@"org.nspasteboard.ConcealedType"];
		[pb clearContents];
		if ([pb writeObjects:[NSArray arrayWithObject:item]]) count = (long)[pb changeCount];
	}
	[pool drain];
	return count;
}

// forgiva_clear_if empties the pasteboard when nothing wrote to it since
// the change count ours; 1 when it did.
static int forgiva_clear_if(long ours) {
	NSAutoreleasePool *pool = [[NSAutoreleasePool alloc] init];
	int cleared = 0;
	NSPasteboard *pb = [NSPasteboard generalPasteboard];
	if ((long)[pb changeCount] == ours) {
		[pb clearContents];
		cleared = 1;
	}
	[pool drain];
	return cleared;
}
*/
import "C"

import (
	"errors"
	"sync"
	"unsafe"
)

// System is the clipboard of the desktop session: on macOS the general
// pasteboard, the password marked concealed. "Still ours" is the
// pasteboard's change count, which any other write moves on.
func System(Board) SecretBoard { return &macBoard{} }

type macBoard struct {
	mu    sync.Mutex
	count C.long // the change count right after our write
	set   bool
}

func (b *macBoard) SetSecret(secret []byte) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	var p unsafe.Pointer
	if len(secret) > 0 {
		p = unsafe.Pointer(&secret[0])
	}
	count := C.forgiva_set(p, C.size_t(len(secret)))
	if count < 0 {
		return errors.New("the pasteboard refused the password")
	}
	b.count, b.set = count, true
	return nil
}

func (b *macBoard) ClearIfOurs() (bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.set {
		return false, nil
	}
	b.set = false
	return C.forgiva_clear_if(b.count) == 1, nil
}
