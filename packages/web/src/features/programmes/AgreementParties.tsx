import type { User } from '@promatlas/core/api/accounts.schema.ts';
import { RegionSelect } from '../../shared/form/RegionSelect.tsx';
import { messagesFor, type useForm } from '../../shared/form/useForm.ts';
import { emptyParty, type AgreementValues, type PartyRow } from './agreement-values.ts';
import { useLang } from './i18n.tsx';
import { PositionSelect, RecordPicker } from './pickers.tsx';

export function PartiesEditor({
  form,
  user,
}: {
  form: ReturnType<typeof useForm<AgreementValues>>;
  user: User;
}) {
  const { t } = useLang();
  const { values, set, errors } = form;
  const update = (index: number, patch: Partial<PartyRow>) =>
    set(
      'parties',
      values.parties.map((p, i) => (i === index ? { ...p, ...patch } : p)),
    );
  return (
    <fieldset className="form-fieldset" data-testid="field-parties">
      <legend>{t('Стороны и подписанты', 'Parties and signatories')}</legend>
      {values.parties.map((party, index) => (
        <div key={index} className="party-row" data-testid="party-row">
          <select
            aria-label={t('Сторона', 'Party')}
            data-testid={`party-${index}-kind`}
            value={party.kind}
            onChange={(e) => update(index, { kind: e.target.value as PartyRow['kind'] })}
          >
            <option value="region">{t('Регион', 'Region')}</option>
            <option value="organisation">{t('Организация', 'Organisation')}</option>
          </select>{' '}
          {party.kind === 'region' ? (
            <RegionSelect
              user={{ ...user, role: 'administrator' }}
              id={`party-${index}-region`}
              data-testid={`party-${index}-region`}
              value={party.regionCode}
              onChange={(regionCode) => update(index, { regionCode })}
            />
          ) : (
            <RecordPicker
              types="organisation"
              value={party.organisation}
              onChange={(organisation) => update(index, { organisation })}
              testId={`party-${index}-organisation`}
            />
          )}{' '}
          <span className="muted">{t('подписант', 'signatory')}</span>{' '}
          <RecordPicker
            types="person"
            value={party.signatory}
            onChange={(signatory) => update(index, { signatory, signatoryPositionId: null })}
            testId={`party-${index}-signatory`}
          />{' '}
          {party.signatory ? (
            <PositionSelect
              personId={party.signatory.id}
              value={party.signatoryPositionId}
              onChange={(signatoryPositionId) => update(index, { signatoryPositionId })}
              testId={`party-${index}-position`}
            />
          ) : null}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() =>
              set(
                'parties',
                values.parties.filter((_, i) => i !== index),
              )
            }
          >
            {t('убрать', 'remove')}
          </button>
          {messagesFor(errors, `parties.${index}`).map((message) => (
            <p
              key={message}
              className="field-error"
              role="alert"
              data-testid={`error-parties.${index}`}
            >
              {message}
            </p>
          ))}
        </div>
      ))}
      <button
        type="button"
        className="button small"
        data-testid="party-add"
        onClick={() => set('parties', [...values.parties, emptyParty(user)])}
      >
        {t('Добавить сторону', 'Add a party')}
      </button>
    </fieldset>
  );
}
