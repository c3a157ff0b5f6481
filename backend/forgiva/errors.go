package forgiva

// InputError reports a generation input the engine refuses. Field names the
// offending input ("host/account", "length", "classes", "animal",
// "complexity", "request") so a form can point at it; Message is meant for
// the user and never contains a secret.
type InputError struct {
	Field   string
	Message string
}

func (e *InputError) Error() string { return e.Message }

func inputError(field, message string) *InputError {
	return &InputError{Field: field, Message: message}
}
