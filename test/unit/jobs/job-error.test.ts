import { describe, expect, it } from 'vitest';
import { ContractError } from '../../../src-shared/contract/errors';
import { jobError } from '../../../src-main/jobs/job-error';
import { SourceError } from '../../../src-main/data/sync/source';

describe('job errors cross the worker as typed errors', () => {
  it('keeps contract codes and details', () => {
    expect(jobError(new ContractError('NOT_FOUND', "no team 'Barcelona'", { team: 'Barcelona' }))).toEqual({
      code: 'NOT_FOUND',
      message: "no team 'Barcelona'",
      details: { team: 'Barcelona' },
    });
    expect(jobError(new ContractError('CONFLICT', 'busy')).code).toBe('CONFLICT');
  });
  it('maps an unreachable source to UNAVAILABLE and a refused one to VALIDATION', () => {
    expect(jobError(new SourceError('UNAVAILABLE', 'connection refused', true)).code).toBe('UNAVAILABLE');
    expect(jobError(new SourceError('AUTH', 'password authentication failed', false))).toEqual({ code: 'VALIDATION', message: 'password authentication failed' });
  });
  it('turns anything else into INTERNAL with its message', () => {
    expect(jobError(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }))).toEqual({ code: 'INTERNAL', message: 'relation "x" does not exist' });
    expect(jobError('plain string').message).toBe('plain string');
  });
});
