package cli

import (
	"context"
	"strings"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/vault"
)

const genSynopsis = "ID --animal NAME [--renew [DATE] | --previous] [--hex]"

// renewFlag is --renew with an optional date: alone it means today.
type renewFlag struct {
	date  string
	set   bool
	today func() string
}

func (f *renewFlag) String() string { return f.date }

// IsBoolFlag lets "--renew" stand alone; "--renew=DATE" and, after
// joinRenewDate, "--renew DATE" carry a date.
func (f *renewFlag) IsBoolFlag() bool { return true }

func (f *renewFlag) Set(value string) error {
	switch value {
	case "true":
		f.date, f.set = f.today(), true
	case "false":
		f.date, f.set = "", false
	default:
		f.date, f.set = value, true
	}
	return nil
}

// joinRenewDate turns "--renew DATE" into "--renew=DATE", since the flag
// package only knows optional values in the "=" form. A word after --renew
// is its date unless it is a flag.
func joinRenewDate(args []string) []string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if (arg == "--renew" || arg == "-renew") && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
			out = append(out, arg+"="+args[i+1])
			i++
			continue
		}
		out = append(out, arg)
	}
	return out
}

func runGen(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	animalName := fs.String("animal", "", "the animal `name` you picked (required)")
	renew := &renewFlag{today: func() string { return inv.env.Now().Format("2006-01-02") }}
	fs.Var(renew, "renew", "record a renewal: `DATE` (YYYY-MM-DD), or today when alone")
	previous := fs.Bool("previous", false, "print the password before the current renewal (what a change-password form calls the current one)")
	asHex := fs.Bool("hex", false, "print the password's bytes in lowercase hex")
	positional, err := inv.parse(fs, joinRenewDate(args), 1, 1)
	if err != nil {
		return err
	}
	id, err := parseID("the entry ID", positional[0])
	if err != nil {
		return err
	}
	if !flagsGiven(fs)["animal"] {
		return usageErrorf("--animal is required")
	}
	animal, err := forgiva.ParseAnimal(*animalName)
	if err != nil {
		return err
	}
	if renew.set && *previous {
		return usageErrorf("--renew and --previous exclude each other")
	}
	req := vault.GenerateRequest{EntryID: id, Animal: animal, Previous: *previous}
	if renew.set {
		req.Renewal = &renew.date
	}
	return inv.withVault(ctx, func(v *vault.Vault) error {
		return inv.generateEntry(ctx, v, req, *asHex)
	})
}

func (inv *invocation) generateEntry(ctx context.Context, v *vault.Vault, req vault.GenerateRequest, asHex bool) error {
	settings, err := v.Settings(ctx)
	if err != nil {
		return err
	}
	// With masterkey_use_ignored on, no key means the vault's stored one.
	key, err := inv.readSecret(ctx, "Master key: ")
	if err != nil {
		return err
	}
	defer wipe(key)
	if key == nil && !settings.MasterkeyUseIgnored {
		return errNoMasterKey
	}
	req.MasterKey = key
	progress, done := inv.progress("Generating")
	password, err := v.Generate(ctx, req, progress)
	done()
	if err != nil {
		return err
	}
	defer password.Wipe()
	return inv.writePasswords([]shownPassword{{req.Animal, password}}, asHex, false)
}
