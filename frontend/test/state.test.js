import { describe, expect, it } from 'vitest';
import { emit, on } from '../src/state.js';

describe('state topics', () => {
  it('delivers an emitted topic to its listeners', () => {
    const seen = [];
    on('counts', (detail) => seen.push(detail));
    emit('counts', 3);
    expect(seen).toEqual([3]);
  });

  it('refuses a topic nobody can listen to', () => {
    expect(() => emit('settings')).toThrow(/unknown state topic "settings"/);
    expect(() => on('setting', () => {})).toThrow(/unknown state topic/);
  });
});
