// An in-memory stand-in for the Go bindings (notes/app-api.md), for looking at
// the UI in `vite dev` with ?mock=1. Never bundled: main.js imports it only
// when import.meta.env.DEV. Passwords here are NOT Forgiva passwords.
//
// Query options: seed=1 (sample groups, 340 entries in "Work / Mail"),
// unlocked=1 (start unlocked), slow=1 (generation takes ~4 s), show=0
// (copy instead of show), fail=Name (PickAnimal fails for that animal).

const params = new URLSearchParams(location.search);
const listeners = new Map();
const emit = (name, data) => (listeners.get(name) ?? []).forEach((fn) => fn(data));

window.runtime = {
  EventsOn(name, fn) {
    if (!listeners.has(name)) listeners.set(name, []);
    listeners.get(name).push(fn);
    return () => listeners.set(name, listeners.get(name).filter((f) => f !== fn));
  },
  EventsOff(name) {
    listeners.delete(name);
  },
  // For driving tests: window.runtime.EventsEmit('tray:quick', {})
  EventsEmit: emit,
};

const ANIMALS = ['Ape', 'Bat', 'Bear', 'Whale', 'Crow', 'Dog', 'Duck', 'Cat', 'Wasp', 'Fox',
  'Gull', 'Hyena', 'Lion', 'Panda', 'Rat', 'Shark', 'Spider', 'Turtle', 'Wolf', 'Zebra'];

const db = {
  exists: params.has('seed') || params.has('unlocked'),
  unlocked: params.has('unlocked'),
  password: 'correct horse battery',
  groups: [],
  entries: [],
  nextId: 1,
  hasSignature: false,
  settings: {
    animals_do_not_scramble: 'false', masterkey_use_ignored: 'false', masterkey_ask_once: 'true',
    password_always_show_not_copy: params.get('show') === '0' ? 'false' : 'true', password_default_length: '16',
    password_default_complexity: '1', clipboard_clear_seconds: '10', auto_lock_minutes: '5', session_remember_hours: '12',
    compat_mode: 'forgiva', enterprise_salt: '000102030405060708090a0b0c0d0e0f',
  },
  gens: new Map(),
};

const now = () => new Date().toISOString();
const fail = (msg) => Promise.reject(msg);
const ok = (v) => new Promise((resolve) => setTimeout(() => resolve(structuredClone(v)), 15));

function addGroup(parentId, name, description = '') {
  const g = { id: db.nextId++, parentId, name, description };
  db.groups.push(g);
  return g;
}
function addEntry(groupId, host, account, extra = {}) {
  const e = {
    id: db.nextId++, groupId, host, account, lastRenewal: null, complexity: 1, length: 16,
    lowercase: true, uppercase: true, numbers: true, symbols: true, generatedBefore: false,
    createdAt: now(), updatedAt: now(), ...extra,
  };
  db.entries.push(e);
  return e;
}

if (params.has('seed')) {
  const work = addGroup(0, 'Work', 'Everything for the office');
  const mail = addGroup(work.id, 'Mail');
  addGroup(mail.id, 'Archive');
  const personal = addGroup(0, 'Personal');
  addGroup(0, 'Banking', 'Accounts with money in them');
  addEntry(personal.id, 'github.com', 'octocat', { generatedBefore: true, lastRenewal: '2024-03-01' });
  addEntry(personal.id, 'mail.example.com', 'me@example.com', { complexity: 2, length: 24 });
  addEntry(personal.id, 'forum.example.org', 'a-very-long-account-name-that-keeps-going@example.org', { symbols: false });
  for (let i = 1; i <= 340; i++) addEntry(mail.id, `host${String(i).padStart(3, '0')}.example.com`, `user${i}`);
}

const groupOut = (g) => ({ ...g, entryCount: db.entries.filter((e) => e.groupId === g.id).length });
const entryOut = (e) => ({ ...e, groupName: db.groups.find((g) => g.id === e.groupId)?.name ?? '' });
const sortEntries = (list) => list.slice().sort((a, b) => a.host.localeCompare(b.host) || a.account.localeCompare(b.account));
const needUnlocked = () => (db.unlocked ? null : 'The vault is locked');

function settingsOut() {
  const s = db.settings;
  return {
    animalsDoNotScramble: s.animals_do_not_scramble === 'true', masterkeyUseIgnored: s.masterkey_use_ignored === 'true',
    masterkeyAskOnce: s.masterkey_ask_once === 'true', passwordAlwaysShowNotCopy: s.password_always_show_not_copy === 'true',
    passwordDefaultLength: Number(s.password_default_length), passwordDefaultComplexity: Number(s.password_default_complexity),
    clipboardClearSeconds: Number(s.clipboard_clear_seconds), autoLockMinutes: Number(s.auto_lock_minutes),
    sessionRememberHours: Number(s.session_remember_hours), compatMode: s.compat_mode, enterpriseSalt: s.enterprise_salt,
    hasSignature: db.hasSignature,
  };
}

function subtree(id) {
  const ids = [id];
  for (let i = 0; i < ids.length; i++) db.groups.filter((g) => g.parentId === ids[i]).forEach((g) => ids.push(g.id));
  return ids;
}

function checkInput(input) {
  if (!input.host) return 'Host is required';
  if (!input.account) return 'Account is required';
  if (input.length < 2 || input.length > 64) return 'Length must be from 2 to 64';
  if (!db.groups.some((g) => g.id === input.groupId)) return `Group ${input.groupId} does not exist`;
  const dup = db.entries.find((e) => e.groupId === input.groupId && e.host === input.host && e.account === input.account && e.id !== input.id);
  if (dup) return `An entry for host '${input.host}' and account '${input.account}' already exists in this group`;
  return null;
}

// A toy password (FNV-1a driven) so the UI has something to show.
function toyPassword(entry, key, animal, renewal) {
  const sets = [entry.lowercase && 'abcdefghijklmnopqrstuvwxyz', entry.uppercase && 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    entry.numbers && '0123456789', entry.symbols && '!#$%&*+-=?@^_~'].filter(Boolean).join('');
  let h = 2166136261;
  const seed = `${entry.host}|${entry.account}|${key}|${animal}|${renewal ?? entry.lastRenewal ?? ''}`;
  let out = '';
  for (let i = 0; i < entry.length; i++) {
    for (const ch of seed + i) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += sets[h % sets.length];
  }
  return out;
}

const slow = params.has('slow');

window.go = { main: { App: {
  State: () => ok({ exists: db.exists, unlocked: db.unlocked, keyringNotice: params.get('notice') ?? '', version: '0.1.0-mock' }),
  PasswordStrength: (pw) => {
    const pools = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].reduce((n, re, i) => n + (re.test(pw) ? [26, 26, 10, 33][i] : 0), 0);
    const bits = pw.length * Math.log2(Math.max(pools, 1));
    return ok({ bits, ok: bits >= 50, message: bits >= 50 ? '' : 'Use a longer password: at least 50 bits' });
  },
  CreateVault: (pw, remember) => {
    if (db.exists) return fail('A vault already exists');
    Object.assign(db, { exists: true, unlocked: true, password: pw, remember });
    return ok({ exists: true, unlocked: true, keyringNotice: '', version: '0.1.0-mock' });
  },
  Unlock: (pw) => {
    if (pw !== db.password) return fail('Wrong password');
    db.unlocked = true;
    return ok({ exists: true, unlocked: true, keyringNotice: '', version: '0.1.0-mock' });
  },
  Lock: () => {
    db.unlocked = false;
    return ok(null);
  },
  Groups: () => needUnlocked() ? fail(needUnlocked()) : ok(db.groups.map(groupOut)),
  AddGroup: (parentId, name, description) => {
    if (!name.trim()) return fail('Group name is required');
    if (db.groups.some((g) => g.parentId === parentId && g.name === name)) return fail(`A group named '${name}' already exists here`);
    return ok(groupOut(addGroup(parentId, name, description)));
  },
  UpdateGroup: (id, name, description) => {
    const g = db.groups.find((x) => x.id === id);
    if (!name.trim()) return fail('Group name is required');
    Object.assign(g, { name, description });
    return ok(groupOut(g));
  },
  CountGroupSubtree: (id) => {
    const ids = subtree(id);
    return ok({ groups: ids.length, entries: db.entries.filter((e) => ids.includes(e.groupId)).length });
  },
  RemoveGroup: (id) => {
    const ids = subtree(id);
    const removed = { groups: ids.length, entries: db.entries.filter((e) => ids.includes(e.groupId)).length };
    db.groups = db.groups.filter((g) => !ids.includes(g.id));
    db.entries = db.entries.filter((e) => !ids.includes(e.groupId));
    return ok(removed);
  },
  Entries: (groupId, start, count) => {
    const all = sortEntries(db.entries.filter((e) => e.groupId === groupId));
    return ok({ entries: all.slice(start, start + count).map(entryOut), total: all.length });
  },
  Entry: (id) => ok(entryOut(db.entries.find((e) => e.id === id))),
  AddEntry: (input) => {
    const problem = checkInput(input);
    return problem ? fail(problem) : ok(entryOut(addEntry(input.groupId, input.host, input.account, { ...input })));
  },
  UpdateEntry: (id, input) => {
    const problem = checkInput({ ...input, id });
    if (problem) return fail(problem);
    const e = db.entries.find((x) => x.id === id);
    Object.assign(e, input, { updatedAt: now() });
    return ok(entryOut(e));
  },
  RemoveEntry: (id) => {
    db.entries = db.entries.filter((e) => e.id !== id);
    return ok(null);
  },
  Search: (text) => {
    const t = text.toLowerCase();
    return ok(sortEntries(db.entries.filter((e) => e.host.includes(t) || e.account.toLowerCase().includes(t))).slice(0, 200).map(entryOut));
  },
  Hosts: (filter) => ok([...new Set(db.entries.map((e) => e.host))].filter((h) => h.includes(filter)).sort().slice(0, 20)),
  Settings: () => ok(settingsOut()),
  SetSetting: (key, value) => {
    if (key === 'signature') {
      db.hasSignature = value !== '';
      return ok(settingsOut());
    }
    if (!(key in db.settings)) return fail(`Unknown setting '${key}'`);
    if (key === 'enterprise_salt' && !/^([0-9a-f]{2})+$/.test(value)) {
      return fail(`Bad value for setting '${key}': allowed values: 1 to 1024 bytes written in hexadecimal`);
    }
    db.settings[key] = value;
    return ok(settingsOut());
  },
  ChangePassword: (old, next) => {
    if (old !== db.password) return fail('The current password is wrong');
    db.password = next;
    return ok(null);
  },
  Animals: () => ok(ANIMALS.map((name, index) => ({ index, name }))),
  StartGeneration: (entryId, masterKey, renewal) => {
    const entry = db.entries.find((e) => e.id === entryId);
    if (!entry) return fail('No such entry');
    if (!masterKey && db.settings.masterkey_use_ignored !== 'true') return fail('Master key is required');
    const id = `gen-${db.nextId++}`;
    const total = slow || entry.complexity === 3 ? 40 : 4;
    const gen = { id, entry, masterKey, renewal, done: 0, total, password: null, cancelled: false };
    gen.finished = new Promise((resolve, reject) => {
      const step = () => {
        if (gen.cancelled) return reject('Generation cancelled');
        gen.done++;
        emit('generate:progress', { id, done: gen.done, total });
        if (gen.done >= total) return resolve();
        setTimeout(step, 100);
      };
      setTimeout(step, 50);
    });
    gen.finished.catch(() => {});
    db.gens.set(id, gen);
    return ok(id);
  },
  PickAnimal: async (genId, animalIndex) => {
    const gen = db.gens.get(genId);
    if (!gen) throw 'This generation is over; start again';
    if (params.get('fail') === ANIMALS[animalIndex]) throw 'The engine failed (mock)';
    await gen.finished;
    gen.password = toyPassword(gen.entry, gen.masterKey, ANIMALS[animalIndex], gen.renewal);
    gen.entry.generatedBefore = true;
    if (gen.renewal) gen.entry.lastRenewal = gen.renewal;
    const clearAfterSeconds = Number(db.settings.clipboard_clear_seconds);
    if (db.settings.password_always_show_not_copy === 'true') return { password: gen.password, copied: false, clearAfterSeconds };
    return { copied: true, clearAfterSeconds };
  },
  CancelGeneration: (genId) => {
    const gen = db.gens.get(genId);
    if (gen) gen.cancelled = true;
    return ok(null);
  },
  CopyPassword: (genId) => {
    const gen = db.gens.get(genId);
    if (!gen?.password) return fail('Nothing to copy');
    return ok({ clearAfterSeconds: Number(db.settings.clipboard_clear_seconds) });
  },
  ForgetGeneration: (genId) => {
    db.gens.delete(genId);
    return ok(null);
  },
  ExportBackup: (groupId) => ok(`/home/user/forgiva-backup-${groupId || 'all'}.fgb`),
  ImportBackup: () => ok({
    groupsCreated: 2, entriesAdded: 5, duplicatesSkipped: 1,
    conflicts: [{ groupPath: 'Personal', host: 'github.com', account: 'octocat', existingRenewal: '2024-03-01', importedRenewal: '2023-11-20' }],
  }),
  Touch: () => {
    window.__touches = (window.__touches ?? 0) + 1;
    return ok(null);
  },
} } };
