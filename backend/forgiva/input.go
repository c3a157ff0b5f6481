package forgiva

// Length limits of a password, in characters. The reference reads past its
// 64-byte hash above 64.
const (
	MinLength = 1
	MaxLength = 64
)

// Complexity levels.
const (
	Normal       = 1
	Intermediate = 2
	Advanced     = 3
)

// Input is everything a generation needs, reduced to bytes by a compat mode
// (ForgivaInput, EnterpriseInput, ServerJSON). The engine only reads it.
type Input struct {
	Host, Account, Renewal []byte
	MasterHash             []byte // secret
	Signature              []byte // secret; empty means no signature step
	Complexity, Length     int
	Classes                Classes
	Legacy, Scrypt, Argon2 bool
}

// Wipe zeroes the master hash and the signature. The compat constructors
// copy them, so wiping never touches the caller's buffers.
func (in *Input) Wipe() {
	clear(in.MasterHash)
	clear(in.Signature)
}

// Validate reports the first input the engine refuses, as an *InputError.
func (in Input) Validate() error {
	return validate(len(in.Host) == 0 && len(in.Account) == 0, in.Complexity, in.Length, in.Classes, in.Legacy)
}

func validate(noHostOrAccount bool, complexity, length int, classes Classes, legacy bool) error {
	switch {
	case noHostOrAccount:
		return inputError("host/account", "Enter a host or an account (or both)")
	case complexity < Normal || complexity > Advanced:
		return inputError("complexity", "Complexity must be 1 (normal), 2 (intermediate) or 3 (advanced)")
	case length < MinLength || length > MaxLength:
		return inputError("length", "Password length must be between 1 and 64 characters")
	case !legacy && classes.empty():
		return inputError("classes", "Choose at least one character class")
	}
	return nil
}
