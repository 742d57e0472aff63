import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../src-main/app/config';

// The redacted URL is the source's label: app.info, the inventory, the logs. pg also takes the
// password from the query string (libpq style), so it must go there too.
describe('redactUrl', () => {
  it('hides the password in the user info', () => {
    expect(redactUrl('postgres://monps:s3cret@db.local:5432/monps')).toBe('postgres://monps:***@db.local:5432/monps');
  });

  it('hides a password given as a query parameter (and sslpassword)', () => {
    const shown = redactUrl('postgresql://monps@db.local/monps?password=s3cret&sslmode=require&sslpassword=k3y');
    expect(shown).not.toContain('s3cret');
    expect(shown).not.toContain('k3y');
    expect(shown).toContain('sslmode=require');
  });

  it('says nothing of an unparsable URL', () => {
    expect(redactUrl('postgres://u:p@[bad')).toBe('(unparsable URL)');
  });
});
