package cli

import (
	"context"
	"fmt"

	"github.com/forgiva/forgiva-desktop/backend/vault"
)

func runSettings(ctx context.Context, inv *invocation, args []string) error {
	if len(args) == 0 {
		return usageErrorf("missing subcommand: get or set")
	}
	fs := inv.flagSet()
	switch args[0] {
	case "get":
		positional, err := inv.parse(fs, args[1:], 0, 1)
		if err != nil {
			return err
		}
		return inv.withVault(ctx, func(v *vault.Vault) error {
			if len(positional) == 0 {
				return inv.printAllSettings(ctx, v)
			}
			return inv.printSetting(ctx, v, positional[0])
		})
	case "set":
		positional, err := inv.parse(fs, args[1:], 1, 2)
		if err != nil {
			return err
		}
		key, secret := positional[0], vault.IsSecretSetting(positional[0])
		switch {
		case secret && len(positional) == 2:
			return usageErrorf("%s is a secret: it is not taken from the command line, where other users and the shell's history "+
				"can read it. Run 'forgiva settings set %s' and type it, or give it as the first line of standard input", key, key)
		case !secret && len(positional) == 1:
			return usageErrorf("missing VALUE for %s", key)
		}
		return inv.withVault(ctx, func(v *vault.Vault) error {
			if !secret {
				return v.SetSetting(ctx, key, positional[1])
			}
			value, err := inv.secretValue(ctx, key)
			if err != nil {
				return err
			}
			defer wipe(value)
			return v.SetSetting(ctx, key, string(value))
		})
	case "-h", "-help", "--help":
		return &helpRequest{cmd: inv.cmd, flags: fs}
	}
	return usageErrorf("unknown subcommand %q: get or set", args[0])
}

func (inv *invocation) printSetting(ctx context.Context, v *vault.Vault, key string) error {
	value, err := v.GetSetting(ctx, key)
	if err != nil {
		return err
	}
	if inv.json {
		return inv.writeJSON(map[string]string{key: value})
	}
	_, err = fmt.Fprintln(inv.env.Stdout, value)
	return err
}

// printAllSettings prints "key=value" lines, or one JSON object.
func (inv *invocation) printAllSettings(ctx context.Context, v *vault.Vault) error {
	values := map[string]string{}
	keys := vault.SettingKeys()
	for _, key := range keys {
		value, err := v.GetSetting(ctx, key)
		if err != nil {
			return err
		}
		values[key] = value
	}
	if inv.json {
		return inv.writeJSON(values)
	}
	for _, key := range keys {
		if _, err := fmt.Fprintf(inv.env.Stdout, "%s=%s\n", key, values[key]); err != nil {
			return err
		}
	}
	return nil
}

// secretValue reads a secret setting's new value: the first line of stdin
// when it is not a terminal (an empty line removes it), else typed twice
// without echo, since a typo would change every password.
func (inv *invocation) secretValue(ctx context.Context, key string) ([]byte, error) {
	if !inv.env.StdinTerminal {
		lines, err := readLines(inv.env.Stdin, 1)
		if err != nil {
			return nil, err
		}
		if len(lines) == 0 {
			return nil, userErrorf("no value for %s: give it as the first line of standard input (an empty line removes it)", key)
		}
		return lines[0], nil
	}
	return inv.typedTwice(ctx, "New "+key+" (empty: none): ")
}
