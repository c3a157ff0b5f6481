package vault

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/forgiva/forgiva-desktop/backend/forgiva"
	"github.com/forgiva/forgiva-desktop/backend/secret"
	"github.com/forgiva/forgiva-desktop/backend/store"
	"github.com/forgiva/forgiva-desktop/internal/hotkey"
)

// Compat modes (docs/algorithm.md, "Compat modes").
const (
	CompatForgiva    = "forgiva"
	CompatEnterprise = "enterprise"
)

// Settings holds every setting, typed. The signature itself never leaves the
// vault: HasSignature says whether one is set. The JSON names are those the
// frontend reads.
type Settings struct {
	AnimalsDoNotScramble      bool   `json:"animalsDoNotScramble"`
	MasterkeyUseIgnored       bool   `json:"masterkeyUseIgnored"`
	MasterkeyAskOnce          bool   `json:"masterkeyAskOnce"`
	PasswordAlwaysShowNotCopy bool   `json:"passwordAlwaysShowNotCopy"`
	PasswordDefaultLength     int    `json:"passwordDefaultLength"`
	PasswordDefaultComplexity int    `json:"passwordDefaultComplexity"`
	ClipboardClearSeconds     int    `json:"clipboardClearSeconds"`
	AutoLockMinutes           int    `json:"autoLockMinutes"`
	SessionRememberHours      int    `json:"sessionRememberHours"`
	CompatMode                string `json:"compatMode"`
	EnterpriseSalt            string `json:"enterpriseSalt"` // hex
	HasSignature              bool   `json:"hasSignature"`
	QuickAction               string `json:"quickAction"` // QuickType or QuickCopy
	QuickShortcut             string `json:"quickShortcut"`
}

// What a quick generation does with the password (the quick_action
// setting): type it into the window that had the focus, or copy it.
const (
	QuickType = "type"
	QuickCopy = "copy"
)

// storedMasterKey is the internal setting holding the vault password kept,
// encrypted, as master key when masterkey_use_ignored is on.
const storedMasterKey = "stored_master_key"

// SettingKind says how a setting's value is written and edited.
type SettingKind string

const (
	SettingBool   SettingKind = "bool"   // "true" or "false"
	SettingInt    SettingKind = "int"    // a whole number from Min to Max (Choices may name them)
	SettingChoice SettingKind = "choice" // one of Choices
	SettingHex    SettingKind = "hex"    // Min to Max bytes in hexadecimal
	SettingSecret SettingKind = "secret" // text of at most Max bytes, encrypted, never shown
	// SettingShortcut is a key combination ("Ctrl+Alt+F"), or "" for none.
	SettingShortcut SettingKind = "shortcut"
)

// SettingOption is one allowed value of a choice setting.
type SettingOption struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// SettingSchema is one setting, defined once: the vault validates against
// it, the CLI lists it and the Settings dialog is drawn from it.
type SettingSchema struct {
	Key     string          `json:"key"`
	Kind    SettingKind     `json:"kind"`
	Default string          `json:"default"`
	Min     int             `json:"min"`
	Max     int             `json:"max"`
	Choices []SettingOption `json:"choices,omitempty"`
	Label   string          `json:"label"`
	Help    string          `json:"help"`
	// ChangesPasswords: a new value gives every entry another password.
	ChangesPasswords bool `json:"changesPasswords"`
}

var settingDefs = []SettingSchema{
	{Key: "animals_do_not_scramble", Kind: SettingBool, Default: "false", Label: "Keep animals in a fixed order",
		Help: "Show the 20 animals always in the same order instead of shuffling them each time."},
	{Key: "masterkey_use_ignored", Kind: SettingBool, Default: "false", Label: "Allow an empty master key (less secure)",
		Help: "An empty master key field uses the vault password as master key, kept encrypted under that password: " +
			"anyone who knows the vault password can generate. A remembered session does not open it, so the app " +
			"asks for the vault password once per start."},
	{Key: "masterkey_ask_once", Kind: SettingBool, Default: "false", Label: "Ask for the master key once",
		Help: "After an entry\u2019s first password, ask for the master key once instead of twice."},
	{Key: "password_always_show_not_copy", Kind: SettingBool, Default: "true", Label: "Show passwords instead of copying",
		Help: "Show the generated password on screen; otherwise it goes straight to the clipboard."},
	{Key: "password_default_length", Kind: SettingInt, Default: "16", Min: minLength, Max: maxLength,
		Label: "Default password length",
		Help:  fmt.Sprintf("Length of the password of a new entry (%d to %d).", minLength, maxLength)},
	{Key: "password_default_complexity", Kind: SettingInt, Default: "1", Min: 1, Max: 3, Label: "Default complexity",
		Choices: []SettingOption{{"1", "1 \u2014 normal (fast)"}, {"2", "2 \u2014 intermediate (a few seconds)"}, {"3", "3 \u2014 advanced (about a minute)"}},
		Help:    "Higher complexity makes a password much slower to guess, and to generate."},
	{Key: "clipboard_clear_seconds", Kind: SettingInt, Default: "10", Min: 0, Max: 3600, Label: "Clear clipboard after (seconds)",
		Help: "A copied password is wiped from the clipboard after this many seconds (0: never)."},
	{Key: "auto_lock_minutes", Kind: SettingInt, Default: "5", Min: 0, Max: 24 * 60, Label: "Lock after idle (minutes)",
		Help: "Lock the vault after this many minutes without activity (0: never)."},
	{Key: "session_remember_hours", Kind: SettingInt, Default: "12", Min: 0, Max: 24 * 31, Label: "Remember me for (hours)",
		Help: "\u201cRemember me\u201d keeps the vault unlocked across restarts for this long, via the OS keyring."},
	{Key: "quick_shortcut", Kind: SettingShortcut, Default: "Ctrl+Alt+F", Label: "Quick generate shortcut",
		Help: "Pressed anywhere on the desktop, opens Quick generate for the window you are in (X11). " +
			"Modifiers (Ctrl, Alt, Shift, Super) and one key, joined by +; empty for none."},
	{Key: "quick_action", Kind: SettingChoice, Default: QuickType, Label: "After a quick generation",
		Choices: []SettingOption{{QuickType, "Type it into the window I came from"}, {QuickCopy, "Copy it to the clipboard"}},
		Help: "Quick generate (the global shortcut, or the tray) types the password into the window that had the focus; " +
			"where typing is impossible it copies, and says so."},
	{Key: "compat_mode", Kind: SettingChoice, Default: CompatForgiva, Label: "Compatibility mode",
		Choices:          []SettingOption{{CompatForgiva, "Forgiva"}, {CompatEnterprise, "Forgiva Enterprise"}},
		Help:             "Which Forgiva edition\u2019s passwords to reproduce. Changing it changes every password.",
		ChangesPasswords: true},
	{Key: "enterprise_salt", Kind: SettingHex, Default: hex.EncodeToString(forgiva.DefaultEnterpriseSalt()), Min: 1, Max: 1024,
		Label:            "Enterprise salt (hex)",
		Help:             "The salt of enterprise mode, in hexadecimal; must match your organisation\u2019s.",
		ChangesPasswords: true},
	{Key: "signature", Kind: SettingSecret, Default: "", Max: maxFieldBytes, Label: "Signature",
		Help:             "An extra secret mixed into every password. Kept encrypted; it is never shown again.",
		ChangesPasswords: true},
}

// SettingDefault is the default value of the setting key ("" for an
// unknown key).
func SettingDefault(key string) string {
	def, err := findSetting(key)
	if err != nil {
		return ""
	}
	return def.Default
}

// SettingsSchema returns every setting's definition, in a stable order.
func SettingsSchema() []SettingSchema {
	out := make([]SettingSchema, len(settingDefs))
	for i, d := range settingDefs {
		d.Choices = slices.Clone(d.Choices)
		out[i] = d
	}
	return out
}

func (d SettingSchema) secret() bool { return d.Kind == SettingSecret }

// IsSecretSetting reports whether key names a secret setting (one whose
// value is never shown, nor taken from a command line).
func IsSecretSetting(key string) bool {
	def, err := findSetting(key)
	return err == nil && def.secret()
}

// parse checks a value against the definition and returns its stored form;
// its error message names the allowed values.
func (d SettingSchema) parse(value string) (string, error) {
	switch d.Kind {
	case SettingBool:
		if value != "true" && value != "false" {
			return "", errors.New("allowed values: true, false")
		}
	case SettingInt:
		n, err := strconv.Atoi(value)
		if err != nil || n < d.Min || n > d.Max {
			return "", fmt.Errorf("allowed values: a whole number from %d to %d", d.Min, d.Max)
		}
		return strconv.Itoa(n), nil
	case SettingChoice:
		allowed := make([]string, len(d.Choices))
		for i, c := range d.Choices {
			allowed[i] = c.Value
		}
		if !slices.Contains(allowed, value) {
			return "", fmt.Errorf("allowed values: %s", strings.Join(allowed, ", "))
		}
	case SettingHex:
		b, err := hex.DecodeString(value)
		if err != nil || len(b) < d.Min || len(b) > d.Max {
			return "", fmt.Errorf("allowed values: %d to %d bytes written in hexadecimal", d.Min, d.Max)
		}
		return strings.ToLower(value), nil
	case SettingShortcut:
		if value == "" {
			return "", nil
		}
		shortcut, err := hotkey.Parse(value)
		if err != nil {
			return "", fmt.Errorf("%v; or empty for none", err)
		}
		return shortcut.String(), nil
	case SettingSecret:
		if err := checkExact(d.Label, value); err != nil && value != "" {
			return "", fmt.Errorf("allowed values: empty (none) or text of at most %d bytes without control characters", d.Max)
		}
	}
	return value, nil
}

// SettingKeys lists the setting keys, in a stable order.
func SettingKeys() []string {
	keys := make([]string, len(settingDefs))
	for i, d := range settingDefs {
		keys[i] = d.Key
	}
	return keys
}

func findSetting(key string) (SettingSchema, error) {
	for _, d := range settingDefs {
		if d.Key == key {
			return d, nil
		}
	}
	return SettingSchema{}, invalidf("Unknown setting '%s'; the settings are: %s", key, strings.Join(SettingKeys(), ", "))
}

// settingValues reads the stored values over the defaults; secret settings
// are reported as "" (unset) or "(set)".
func settingValues(stored map[string][]byte) map[string]string {
	values := map[string]string{}
	for _, d := range settingDefs {
		raw, ok := stored[d.Key]
		switch {
		case d.secret() && ok:
			values[d.Key] = "(set)"
		case ok:
			values[d.Key] = string(raw)
		default:
			values[d.Key] = d.Default
		}
	}
	return values
}

// storedSettings gives the stored values by key (secret ones sealed). While
// unlocked they come from the index, whose rows were checked when it was
// loaded. While locked nothing can be checked: the values are read as they
// are, and serve only to show the unlock screen (nothing acts on a setting
// before the vault is unlocked).
func (v *Vault) storedSettings(ctx context.Context) (map[string][]byte, error) {
	var rows map[string]store.Setting
	err := v.read(ctx, func(_ *keys, ix *index) error { rows = ix.settings; return nil })
	if errors.Is(err, errLocked) {
		err = v.st.View(ctx, func(tx *store.Tx) (err error) { rows, err = tx.Settings(); return err })
		err = internal("read settings", err)
	}
	if err != nil {
		return nil, err
	}
	stored := make(map[string][]byte, len(rows))
	for key, s := range rows {
		stored[key] = s.Value
	}
	return stored, nil
}

// Settings returns every setting, typed. It works while locked: only the
// secret settings are encrypted, and they are not returned.
func (v *Vault) Settings(ctx context.Context) (Settings, error) {
	values, err := v.SettingValues(ctx)
	if err != nil {
		return Settings{}, err
	}
	return parseSettings(values), nil
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
		QuickAction:               values["quick_action"],
		QuickShortcut:             values["quick_shortcut"],
	}
}

// SettingValues returns every setting as a string by key, as SetSetting
// takes them; a secret one is "" (unset) or "(set)".
func (v *Vault) SettingValues(ctx context.Context) (map[string]string, error) {
	stored, err := v.storedSettings(ctx)
	if err != nil {
		return nil, err
	}
	return settingValues(stored), nil
}

// GetSetting returns one setting as a string; "signature" is "" or "(set)".
func (v *Vault) GetSetting(ctx context.Context, key string) (string, error) {
	if _, err := findSetting(key); err != nil {
		return "", err
	}
	values, err := v.SettingValues(ctx)
	return values[key], err
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
		case def.secret() && clean == "":
			return deleteSetting(tx, key)
		case def.secret():
			sealed, err := sealSetting(k, key, []byte(clean))
			if err != nil {
				return nil, err
			}
			return putSetting(tx, k.settingRow(key, sealed))
		case key == "masterkey_use_ignored" && clean == "false":
			forget, err := deleteSetting(tx, storedMasterKey)
			if err != nil {
				return nil, err
			}
			put, err := putSetting(tx, k.settingRow(key, []byte(clean)))
			return func(ix *index) { forget(ix); put(ix) }, err
		}
		return putSetting(tx, k.settingRow(key, []byte(clean)))
	})
}

// putSetting and deleteSetting write a setting and return the matching
// change of the index.
func putSetting(tx *store.Tx, s store.Setting) (func(*index), error) {
	return func(ix *index) { ix.settings[s.Key] = s }, tx.PutSetting(s)
}

func deleteSetting(tx *store.Tx, key string) (func(*index), error) {
	return func(ix *index) { delete(ix.settings, key) }, tx.DeleteSetting(key)
}

// secretSetting decrypts a secret setting; nil when unset. The caller wipes it.
func secretSetting(k *keys, stored map[string][]byte, key string) ([]byte, error) {
	sealed, ok := stored[key]
	if !ok {
		return nil, nil
	}
	return openSetting(k, key, sealed, currentKeyFormat)
}

// sealSetting encrypts a secret setting: the stored master key under the
// password's key (keys.pwKey), the others under the data key.
func sealSetting(k *keys, key string, plain []byte) ([]byte, error) {
	if key != storedMasterKey {
		return k.fields.Seal(plain, settingAD(key)), nil
	}
	if k.pwKey == nil {
		return nil, errNeedsPassword
	}
	return secret.Seal(k.pwKey, plain, settingAD(key))
}

// openSetting decrypts what sealSetting made; a schema-1 file (format 1) kept
// the stored master key under the data key too.
func openSetting(k *keys, key string, sealed []byte, format int) ([]byte, error) {
	var plain []byte
	var err error
	switch {
	case key == storedMasterKey && format != legacyKeyFormat && k.pwKey == nil:
		return nil, errNeedsPassword
	case key == storedMasterKey && format != legacyKeyFormat:
		plain, err = secret.Open(k.pwKey, sealed, settingAD(key))
	default:
		plain, err = k.fields.Open(sealed, settingAD(key))
	}
	if err != nil {
		return nil, fmt.Errorf("decrypt setting %s: %w", key, err)
	}
	return plain, nil
}

// errNeedsPassword: the stored master key is wrapped under the vault
// password, and this unlock came from a remembered session.
var errNeedsPassword = &Error{Code: Locked, Message: "The stored master key needs the vault password once per start: " +
	"lock the vault and unlock it with its password, or type the master key"}
