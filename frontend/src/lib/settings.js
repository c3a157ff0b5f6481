// Helpers for the Settings dialog, which is drawn from the vault's schema
// (App.SettingsForm: key, kind, default, min, max, choices, label, help): no
// setting, range or default is written down here.

/** settingValue turns a form control's state into the string SetSetting takes. */
export function settingValue(def, control) {
  switch (def.kind) {
    case 'bool':
      return control.checked ? 'true' : 'false';
    case 'int':
      return String(control.value).trim();
    case 'hex':
      return String(control.value).trim().toLowerCase();
    default:
      return String(control.value);
  }
}

/** settingProblem checks a value before it is sent; null when it looks fine. */
export function settingProblem(def, value) {
  if (def.kind === 'int') {
    if (!/^\d+$/.test(value)) return 'Enter a whole number';
    const n = Number(value);
    if (n < def.min || n > def.max) return `Enter a number from ${def.min} to ${def.max}`;
  }
  if (def.kind === 'hex' && (!/^([0-9a-f]{2})+$/.test(value))) {
    return 'Enter pairs of hexadecimal digits (0-9, a-f)';
  }
  return null;
}

/** settingDef finds one setting's definition in the schema (undefined if absent). */
export function settingDef(schema, key) {
  return schema.find((d) => d.key === key);
}
