// The Settings form rows and footer, rendered by Vue's own server renderer: every field has a
// label that names it (for/id), the test id e2e steps use, and its limits; a checkbox sits inside
// its label; the footer's note shows only after a success.
import { createSSRApp, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { describe, expect, it } from 'vitest';
import FieldRow from './FieldRow.vue';
import FormFooter from './FormFooter.vue';

function render(component: object, props: Record<string, unknown>): Promise<string> {
  return renderToString(createSSRApp({ render: () => h(component, props) }));
}

describe('FieldRow', () => {
  it('a number row: label for the field, value, limits and test id', async () => {
    const html = await render(FieldRow, {
      id: 'retention-images',
      label: 'Keep images (days)',
      type: 'number',
      min: 0,
      max: 1095,
      modelValue: 30,
    });
    expect(html).toContain('<label for="retention-images">Keep images (days)</label>');
    expect(html).toMatch(/<input id="retention-images"[^>]*type="number"/);
    for (const attribute of [
      'value="30"',
      'min="0"',
      'max="1095"',
      'data-testid="retention-images"',
    ])
      expect(html).toContain(attribute);
  });

  it('a password row keeps its autocomplete, length limit and description', async () => {
    const html = await render(FieldRow, {
      id: 'own-next',
      label: 'New password',
      type: 'password',
      autocomplete: 'new-password',
      maxlength: 256,
      describedby: 'own-rule',
      modelValue: '',
    });
    expect(html).toContain('<label for="own-next">New password</label>');
    for (const attribute of [
      'type="password"',
      'autocomplete="new-password"',
      'maxlength="256"',
      'aria-describedby="own-rule"',
    ])
      expect(html).toContain(attribute);
    expect(html).not.toMatch(/ min=| max=/);
  });

  it('a checkbox row puts the box inside its label, checked as the model says', async () => {
    const html = await render(FieldRow, {
      id: 'policy-occluded',
      label: 'Refuse covered eyes',
      type: 'checkbox',
      modelValue: true,
    });
    expect(html).toMatch(/^<label class="check-row full"><input id="policy-occluded"[^>]*> Refuse/);
    expect(html).toMatch(/<input[^>]* checked[^>]*type="checkbox"/);
    expect(html).toContain('data-testid="policy-occluded"');
    expect(html).toContain('Refuse covered eyes');
    expect(html).not.toContain('for=');
  });
});

describe('FormFooter', () => {
  it('shows the note only after a success, and disables the button as told', async () => {
    const before = await render(FormFooter, { label: 'Save', testid: 'save-x', disabled: true });
    expect(before).toMatch(/<button type="submit" class="primary" disabled data-testid="save-x">/);
    expect(before).not.toContain('role="status"');
    const after = await render(FormFooter, {
      label: 'Save',
      testid: 'save-x',
      disabled: false,
      done: 'Saved.',
    });
    expect(after).toContain('<p role="status" class="saved-note">Saved.</p>');
    expect(after).not.toContain(' disabled');
  });
});
