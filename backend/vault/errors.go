package vault

import (
	"context"
	"errors"
	"fmt"
)

// Code classifies an error for callers (exit codes, HTTP-like statuses, UI).
type Code string

// The error codes.
const (
	Invalid         Code = "invalid"
	NotFound        Code = "not_found"
	Conflict        Code = "conflict"
	Locked          Code = "locked"
	WrongPassword   Code = "wrong_password"
	Corrupt         Code = "corrupt"
	Tampered        Code = "tampered"         // the file fails its integrity check: changed outside Forgiva
	NoKeyring       Code = "no_keyring"       // the OS keyring refused to keep a session
	NeedsPassphrase Code = "needs_passphrase" // an encrypted backup: ask for its passphrase
	Canceled        Code = "canceled"
	Internal        Code = "internal"
)

// Error is every error a user can cause: a code and a message for people.
// The message holds no secret and no SQL; Err is the cause, for logs and
// errors.Is, never shown.
type Error struct {
	Code    Code
	Message string
	// Field is the input the error is about, by its JSON name ("host",
	// "length", "newPassword"…), so a form can show it there; "" = none.
	Field string
	Err   error
}

func (e *Error) Error() string { return e.Message }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// ErrorCode is the Code of err, Internal for anything that is not a *Error.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// ErrorMessage is the message of err for people, "internal error" for
// anything that is not a *Error.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// ErrorField is the input field err is about ("" for none or not a *Error).
func ErrorField(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// about names the input field err is about; errors of other types, and nil,
// are returned as they are. The shared error values are copied, not changed.
func about(field string, err error) error {
	var e *Error
	if !errors.As(err, &e) {
		return err
	}
	c := *e
	c.Field = field
	return &c
}

func newError(code Code, cause error, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Err: cause}
}

func invalidf(format string, args ...any) *Error { return newError(Invalid, nil, format, args...) }

var errLocked = &Error{Code: Locked, Message: "The vault is locked: unlock it with the vault password first"}

// internal wraps an unexpected error, unless it is already a *Error or a
// cancellation, which keep their meaning.
func internal(op string, err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return &Error{Code: Canceled, Message: "The operation was cancelled", Err: err}
	}
	return &Error{Code: Internal, Message: "internal error", Err: fmt.Errorf("%s: %w", op, err)}
}
