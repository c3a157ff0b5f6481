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
		positional, err := inv.parse(fs, args[1:], 2, 2)
		if err != nil {
			return err
		}
		return inv.withVault(ctx, func(v *vault.Vault) error {
			return v.SetSetting(ctx, positional[0], positional[1])
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
