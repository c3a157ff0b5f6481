package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
)

const generateSynopsis = "--host H --account A [--renewal YYYY-MM-DD] [--complexity 1|2|3] [--length N] " +
	"[--classes luns] [--animal NAME | --all] [--scrypt] [--argon2] [--legacy] [--signature S] [--hex]"

// generateFlags are the options of "generate".
type generateFlags struct {
	host, account, renewal, classes, animal, signature *string
	complexity, length                                 *int
	all, scrypt, argon2, legacy, hex                   *bool
}

func declareGenerateFlags(fs *flag.FlagSet) generateFlags {
	return generateFlags{
		host:       fs.String("host", "", "host `name`, as typed (required, may be empty)"),
		account:    fs.String("account", "", "account `name`, as typed (required, may be empty)"),
		renewal:    fs.String("renewal", "", "renewal `date` YYYY-MM-DD (empty: 1970-01-01)"),
		complexity: fs.Int("complexity", 1, "1 normal, 2 intermediate, 3 advanced (about a minute)"),
		length:     fs.Int("length", 16, fmt.Sprintf("password length in characters, %d..%d", forgiva.MinLength, forgiva.MaxLength)),
		classes:    fs.String("classes", "luns", "character classes: l lowercase, u uppercase, n numbers, s symbols"),
		animal:     fs.String("animal", "", "the animal `name` to generate for"),
		all:        fs.Bool("all", false, "print the passwords of all 20 animals"),
		scrypt:     fs.Bool("scrypt", false, "scrypt hardening (128 MiB)"),
		argon2:     fs.Bool("argon2", false, "Argon2d hardening (64 MiB)"),
		legacy:     fs.Bool("legacy", false, "legacy fixed alphabets instead of the class policy"),
		signature:  fs.String("signature", "", "organisation-wide `signature` (visible to other local users in the process list)"),
		hex:        fs.Bool("hex", false, "print the password's bytes in lowercase hex"),
	}
}

func runGenerate(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flagSet()
	opts := declareGenerateFlags(fs)
	if _, err := inv.parse(fs, args, 0, 0); err != nil {
		return err
	}
	given := flagsGiven(fs)
	if !given["host"] || !given["account"] {
		return usageErrorf("--host and --account are required (either may be \"\")")
	}
	if given["animal"] == *opts.all {
		return usageErrorf("give exactly one of --animal NAME and --all")
	}
	params, err := opts.params()
	if err != nil {
		return err
	}
	var animal forgiva.Animal
	if !*opts.all {
		if animal, err = forgiva.ParseAnimal(*opts.animal); err != nil {
			return err
		}
	}
	// Check everything before asking for the key, so a typo does not cost
	// the user a prompt.
	if err := params.Validate(); err != nil {
		return err
	}
	key, err := inv.readMasterKey(ctx)
	if err != nil {
		return err
	}
	signature := []byte(*opts.signature)
	input := forgiva.ForgivaInput(params, key, signature)
	wipe(key)
	wipe(signature)
	defer input.Wipe()
	if *opts.all {
		return inv.generateAll(ctx, input, *opts.hex)
	}
	return inv.generateOne(ctx, input, animal, *opts.hex)
}

func (o generateFlags) params() (forgiva.Params, error) {
	classes, err := forgiva.ParseClasses(*o.classes)
	if err != nil {
		return forgiva.Params{}, err
	}
	return forgiva.Params{
		Host:       *o.host,
		Account:    *o.account,
		Renewal:    *o.renewal,
		Complexity: *o.complexity,
		Length:     *o.length,
		Classes:    classes,
		Legacy:     *o.legacy,
		Scrypt:     *o.scrypt,
		Argon2:     *o.argon2,
	}, nil
}

func (inv *invocation) generateOne(ctx context.Context, input forgiva.Input, animal forgiva.Animal, asHex bool) error {
	progress, done := inv.progress("Generating")
	password, err := forgiva.Generate(ctx, input, animal, progress)
	done()
	if err != nil {
		return err
	}
	defer password.Wipe()
	return inv.writePasswords([]shownPassword{{animal, password}}, asHex, false)
}

func (inv *invocation) generateAll(ctx context.Context, input forgiva.Input, asHex bool) error {
	progress, done := inv.progress("Generating")
	passwords, err := forgiva.GenerateAll(ctx, input, progress)
	done()
	if err != nil {
		return err
	}
	shown := make([]shownPassword, len(passwords))
	for i, p := range passwords {
		defer p.Wipe()
		shown[i] = shownPassword{forgiva.Animal(i), p}
	}
	return inv.writePasswords(shown, asHex, true)
}
