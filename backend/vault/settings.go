package vault

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/store"
)

// Compat modes (spec "Compat modes").
const (
	CompatForgiva    = "forgiva"
	CompatEnterprise = "enterprise"
)

// Settings holds every setting, typed. The signature itself never leaves the
// vault: HasSignature says whether one is set.
type Settings struct {
	AnimalsDoNotScramble, MasterkeyUseIgnored, MasterkeyAskOnce, PasswordAlwaysShowNotCopy                         bool
	PasswordDefaultLength, PasswordDefaultComplexity, ClipboardClearSeconds, AutoLockMinutes, SessionRememberHours int
	CompatMode                                                                                                     string
	EnterpriseSalt                                                                                                 string // hex
	HasSignature                                                                                                   bool
}

// storedMasterKey is the internal setting holding the vault password kept,
// encrypted, as master key when masterkey_use_ignored is on.
const storedMasterKey = "stored_master_key"

type settingDef struct {
	key, def string
	secret   bool // encrypted under the data key; never returned
	// parse checks a value and returns its stored form; its error message
	// names the allowed values.
	parse func(value string) (string, error)
}

func boolSetting(value string) (string, error) {
	if value != "true" && value != "false" {
		return "", errors.New("allowed values: true, false")
	}
	return value, nil
}

func intSetting(lo, hi int) func(string) (string, error) {
	return func(value string) (string, error) {
		n, err := strconv.Atoi(value)
		if err != nil || n < lo || n > hi {
			return "", fmt.Errorf("allowed values: a whole number from %d to %d", lo, hi)
		}
		return strconv.Itoa(n), nil
	}
}

func compatSetting(value string) (string, error) {
	if value != CompatForgiva && value != CompatEnterprise {
		return "", fmt.Errorf("allowed values: %s, %s", CompatForgiva, CompatEnterprise)
	}
	return value, nil
}

func saltSetting(value string) (string, error) {
	salt, err := hex.DecodeString(value)
	if err != nil || len(salt) == 0 || len(salt) > 1024 {
		return "", errors.New("allowed values: 1 to 1024 bytes written in hexadecimal")
	}
	return strings.ToLower(value), nil
}

func signatureSetting(value string) (string, error) {
	if err := checkExact("Signature", value); err != nil && value != "" {
		return "", errors.New("allowed values: empty (no signature) or text of at most 1024 bytes without control characters")
	}
	return value, nil
}

var settingDefs = []settingDef{
	{key: "animals_do_not_scramble", def: "false", parse: boolSetting},
	{key: "masterkey_use_ignored", def: "false", parse: boolSetting},
	{key: "masterkey_ask_once", def: "false", parse: boolSetting},
	{key: "password_always_show_not_copy", def: "true", parse: boolSetting},
	{key: "password_default_length", def: "16", parse: intSetting(minLength, maxLength)},
	{key: "password_default_complexity", def: "1", parse: intSetting(1, 3)},
	{key: "clipboard_clear_seconds", def: "10", parse: intSetting(0, 3600)},
	{key: "auto_lock_minutes", def: "5", parse: intSetting(0, 24*60)},
	{key: "session_remember_hours", def: "12", parse: intSetting(0, 24*31)},
	{key: "compat_mode", def: CompatForgiva, parse: compatSetting},
	{key: "enterprise_salt", def: hex.EncodeToString(forgiva.DefaultEnterpriseSalt()), parse: saltSetting},
	{key: "signature", def: "", secret: true, parse: signatureSetting},
}

// SettingKeys lists the setting keys, in a stable order.
func SettingKeys() []string {
	keys := make([]string, len(settingDefs))
	for i, d := range settingDefs {
		keys[i] = d.key
	}
	return keys
}

func findSetting(key string) (settingDef, error) {
	for _, d := range settingDefs {
		if d.key == key {
			return d, nil
		}
	}
	return settingDef{}, invalidf("Unknown setting '%s'; the settings are: %s", key, strings.Join(SettingKeys(), ", "))
}

// settingValues reads the stored values over the defaults; secret settings
// are reported as "" (unset) or "(set)".
func settingValues(stored map[string][]byte) map[string]string {
	values := map[string]string{}
	for _, d := range settingDefs {
		raw, ok := stored[d.key]
		switch {
		case d.secret && ok:
			values[d.key] = "(set)"
		case ok:
			values[d.key] = string(raw)
		default:
			values[d.key] = d.def
		}
	}
	return values
}

func (v *Vault) storedSettings(ctx context.Context) (map[string][]byte, error) {
	var stored map[string][]byte
	err := v.st.View(ctx, func(tx *store.Tx) (err error) { stored, err = tx.Settings(); return err })
	return stored, internal("read settings", err)
}

// Settings returns every setting, typed. It works while locked: only the
// secret settings are encrypted, and they are not returned.
func (v *Vault) Settings(ctx context.Context) (Settings, error) {
	stored, err := v.storedSettings(ctx)
	if err != nil {
		return Settings{}, err
	}
	return parseSettings(settingValues(stored)), nil
}

func parseSettings(values map[string]string) Settings {
	flag := func(key string) bool { return values[key] == "true" }
	number := func(key string) int { n, _ := strconv.Atoi(values[key]); return n }
	return Settings{
		AnimalsDoNotScramble:      flag("animals_do_not_scramble"),
		MasterkeyUseIgnored:       flag("masterkey_use_ignored"),
		MasterkeyAskOnce:          flag("masterkey_ask_once"),
		PasswordAlwaysShowNotCopy: flag("password_always_show_not_copy"),
		PasswordDefaultLength:     number("password_default_length"),
		PasswordDefaultComplexity: number("password_default_complexity"),
		ClipboardClearSeconds:     number("clipboard_clear_seconds"),
		AutoLockMinutes:           number("auto_lock_minutes"),
		SessionRememberHours:      number("session_remember_hours"),
		CompatMode:                values["compat_mode"],
		EnterpriseSalt:            values["enterprise_salt"],
		HasSignature:              values["signature"] != "",
	}
}

// GetSetting returns one setting as a string; "signature" is "" or "(set)".
func (v *Vault) GetSetting(ctx context.Context, key string) (string, error) {
	if _, err := findSetting(key); err != nil {
		return "", err
	}
	stored, err := v.storedSettings(ctx)
	if err != nil {
		return "", err
	}
	return settingValues(stored)[key], nil
}

// SetSetting sets one setting. Unknown keys and bad values are refused with
// a message naming the key and the allowed values. Setting "signature" to ""
// removes it; turning masterkey_use_ignored off forgets the stored key.
func (v *Vault) SetSetting(ctx context.Context, key, value string) error {
	def, err := findSetting(key)
	if err != nil {
		return err
	}
	clean, err := def.parse(value)
	if err != nil {
		return invalidf("Bad value for setting '%s': %v", key, err)
	}
	return v.write(ctx, "set setting", func(tx *store.Tx, k *keys, _ *index) (func(*index), error) {
		switch {
		case def.secret && clean == "":
			return nil, tx.DeleteSetting(key)
		case def.secret:
			return nil, tx.PutSetting(key, k.fields.Seal([]byte(clean), settingAD(key)))
		case key == "masterkey_use_ignored" && clean == "false":
			if err := tx.DeleteSetting(storedMasterKey); err != nil {
				return nil, err
			}
		}
		return nil, tx.PutSetting(key, []byte(clean))
	})
}

// secretSetting decrypts a secret setting; nil when unset. The caller wipes it.
func secretSetting(k *keys, stored map[string][]byte, key string) ([]byte, error) {
	sealed, ok := stored[key]
	if !ok {
		return nil, nil
	}
	plain, err := k.fields.Open(sealed, settingAD(key))
	if err != nil {
		return nil, fmt.Errorf("decrypt setting %s: %w", key, err)
	}
	return plain, nil
}
