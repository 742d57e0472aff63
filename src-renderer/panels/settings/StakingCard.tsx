import { useMemo, useState } from 'react';
import type { StakingSettings } from '../../../src-shared/contract/settings';
import { within, type FieldErrors } from './errors';
import { Field, percent, SectionForm, toNumber, toShare, useDraft } from './Field';
import { useSettings } from './store';

interface Form {
  bankroll: string;
  currency: string;
  kellyFraction: string;
  maxStakeShare: string;
  minStake: string;
  perMatch: string;
  perDay: string;
  perLeague: string;
  comboMinEdge: string;
  combosPerDay: string;
}

const toForm = (s: StakingSettings): Form => ({
  bankroll: String(s.bankroll),
  currency: s.currency,
  kellyFraction: String(s.kellyFraction),
  maxStakeShare: percent(s.maxStakeShare),
  minStake: String(s.minStake),
  perMatch: percent(s.exposure.perMatch),
  perDay: percent(s.exposure.perDay),
  perLeague: percent(s.exposure.perLeague),
  comboMinEdge: percent(s.combos.minEdge),
  combosPerDay: String(s.combos.maxPerDay),
});

const fromForm = (f: Form): StakingSettings => ({
  bankroll: toNumber(f.bankroll),
  currency: f.currency.trim().toUpperCase(),
  kellyFraction: toNumber(f.kellyFraction),
  maxStakeShare: toShare(f.maxStakeShare),
  minStake: toNumber(f.minStake),
  exposure: { perMatch: toShare(f.perMatch), perDay: toShare(f.perDay), perLeague: toShare(f.perLeague) },
  combos: { minEdge: toShare(f.comboMinEdge), maxPerDay: toNumber(f.combosPerDay) },
});

/** Bankroll, Kelly fraction, stake caps and exposure limits: what CONSEIL ULTIM stakes with. */
export function StakingCard({ saved }: { saved: StakingSettings }) {
  const save = useSettings((s) => s.save);
  const savedForm = useMemo(() => toForm(saved), [saved]);
  const [form, setForm, dirty, reset] = useDraft(savedForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const e = within(errors, 'staking');
  const input = (key: keyof Form) => (
    <input
      className="input input--num"
      inputMode="decimal"
      value={form[key]}
      onChange={(ev) => setForm({ ...form, [key]: ev.target.value })}
    />
  );
  return (
    <SectionForm
      id="staking"
      title="Bankroll and staking"
      hint="read by the decision engine"
      dirty={dirty}
      errors={e}
      onReset={() => (setErrors({}), reset())}
      onSave={async () => {
        const errs = await save({ staking: fromForm(form) });
        setErrors(errs);
        return Object.keys(errs).length === 0;
      }}
    >
      <div className="sgrid">
        <Field id="staking-bankroll" label="Bankroll" error={e.bankroll} suffix={form.currency}>
          {input('bankroll')}
        </Field>
        <Field id="staking-currency" label="Currency" error={e.currency}>
          <input
            className="input input--code"
            value={form.currency}
            maxLength={3}
            onChange={(ev) => setForm({ ...form, currency: ev.target.value })}
          />
        </Field>
        <Field id="staking-kelly" label="Kelly fraction" error={e.kellyFraction} hint="0.25 = quarter Kelly; at most 1">
          {input('kellyFraction')}
        </Field>
        <Field id="staking-cap" label="Stake cap per bet" error={e.maxStakeShare} suffix="% of bankroll">
          {input('maxStakeShare')}
        </Field>
        <Field id="staking-min" label="Minimum stake" error={e.minStake} suffix={form.currency}>
          {input('minStake')}
        </Field>
      </div>
      <h3 className="settings-sub">Exposure limits</h3>
      <div className="sgrid">
        <Field id="staking-match" label="Per match" error={e['exposure.perMatch']} suffix="% of bankroll">
          {input('perMatch')}
        </Field>
        <Field id="staking-day" label="Per day" error={e['exposure.perDay']} suffix="% of bankroll">
          {input('perDay')}
        </Field>
        <Field id="staking-league" label="Per league" error={e['exposure.perLeague']} suffix="% of bankroll">
          {input('perLeague')}
        </Field>
      </div>
      <h3 className="settings-sub">Combos CONSEIL proposes</h3>
      <div className="sgrid">
        <Field
          id="staking-combo-edge"
          label="Least combo edge"
          error={e['combos.minEdge']}
          suffix="%"
          hint="fair price, correlation included, against the offered double"
        >
          {input('comboMinEdge')}
        </Field>
        <Field id="staking-combo-day" label="Combos a day" error={e['combos.maxPerDay']} hint="0 = none">
          {input('combosPerDay')}
        </Field>
      </div>
    </SectionForm>
  );
}
