import { useState } from 'react';
import {
  buildEmulatedRequest,
  defaultPingPostData,
  emulatorKinds,
  type EmulatedRequest,
  type EmulatorKind,
  type OntraportFormat,
} from '../../../../electron/shared/send/emulators';
import { emulatorAssumptions } from '../../../../electron/shared/send/emulator-assumptions';
import { VisibleText } from '../../components/VisibleText';

const labels: Record<EmulatorKind, string> = {
  'ortto-activity': 'Ortto: activity webhook',
  'ortto-journey': 'Ortto: journey webhook action',
  'ortto-test': 'Ortto: Test button payload',
  'ontraport-sub_tag': 'Ontraport: sub_tag (tag added)',
  'ontraport-unsub_tag': 'Ontraport: unsub_tag (tag removed)',
  'ontraport-object_create': 'Ontraport: object_create',
  'ontraport-object_submits_form': 'Ontraport: object_submits_form',
  'ontraport-ping': 'Ontraport: Send a Webhook (Ping URL)',
};

/** "Act like the platform": fill the composer with a realistic payload built from the sample record. */
export function EmulatorPicker({
  contact,
  url,
  env,
  onPick,
  onClose,
}: {
  contact: Record<string, string>;
  /** The active environment: the Ping post data's `{{name}}` are filled with its merge fields, in one pass. */
  env: Record<string, string>;
  /** The composer's URL: Ontraport fills a Ping URL's merge fields from the same contact as its post data. */
  url: string;
  onPick: (request: EmulatedRequest, kind: EmulatorKind) => void;
  onClose: () => void;
}) {
  const [kind, setKind] = useState<EmulatorKind>('ortto-activity');
  const [format, setFormat] = useState<OntraportFormat>('default');
  const [encoding, setEncoding] = useState<'json' | 'form'>('form');
  const [targetIds, setTargetIds] = useState({ tag: '4', form: '12' });
  const [postData, setPostData] = useState(defaultPingPostData);
  const ontraport = kind.startsWith('ontraport-');
  // The subscription's target, as in sub_tag(N) or object_submits_form(N).
  const target = /^ontraport-(un)?sub_tag$/.test(kind)
    ? ({ key: 'tag', label: 'Tag ID' } as const)
    : kind === 'ontraport-object_submits_form'
      ? ({ key: 'form', label: 'Form ID' } as const)
      : null;
  const targetText = target ? targetIds[target.key].trim() : '';
  const targetError =
    target && !/^[1-9]\d{0,14}$/.test(targetText) ? `${target.label}: enter a positive whole number` : null;
  const pick = () => {
    if (targetError) return;
    const request = buildEmulatedRequest(kind, {
      nowMs: Date.now(),
      format,
      encoding: ontraport ? encoding : 'json',
      ...(target?.key === 'tag' ? { tagId: Number(targetText) } : {}),
      ...(target?.key === 'form' ? { formId: Number(targetText) } : {}),
      ...(kind === 'ontraport-ping' ? { postData, url, env } : {}),
      ...(Object.keys(contact).length > 0 ? { contact } : {}),
    });
    onPick(request, kind);
    onClose();
  };
  return (
    <div
      className="compose-paste"
      role="dialog"
      aria-label="Act like a platform"
      data-testid="emulator-picker"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div className="compose-row">
        <label>
          Platform event{' '}
          <select
            value={kind}
            autoFocus
            data-testid="emulator-kind"
            onChange={(e) => setKind(e.target.value as EmulatorKind)}
          >
            {emulatorKinds.map((k) => (
              <option key={k} value={k}>
                {labels[k]}
              </option>
            ))}
          </select>
        </label>
        {ontraport && kind !== 'ontraport-ping' && (
          <label>
            Format{' '}
            <select
              value={format}
              data-testid="emulator-format"
              onChange={(e) => setFormat(e.target.value as OntraportFormat)}
            >
              <option value="default">default (every field)</option>
              <option value="notify">notify (id only)</option>
              <option value="lightweight">lightweight (id, name, email)</option>
            </select>
          </label>
        )}
        {target && (
          <label>
            {target.label}{' '}
            <input
              inputMode="numeric"
              size={6}
              value={targetIds[target.key]}
              data-testid="emulator-target-id"
              aria-invalid={targetError !== null}
              onChange={(e) => setTargetIds({ ...targetIds, [target.key]: e.target.value })}
            />
          </label>
        )}
        {ontraport && (
          <label>
            Encoding{' '}
            <select
              value={encoding}
              data-testid="emulator-encoding"
              onChange={(e) => setEncoding(e.target.value as 'json' | 'form')}
            >
              <option value="form">
                {kind === 'ontraport-ping' ? 'form (label=value&…, as typed)' : 'form (event[type]=…)'}
              </option>
              <option value="json">JSON</option>
            </select>
          </label>
        )}
      </div>
      {kind === 'ontraport-ping' && (
        <label className="compose-row">
          Post data{' '}
          <textarea
            className="mono"
            rows={4}
            cols={60}
            spellCheck={false}
            value={postData}
            data-testid="emulator-post-data"
            onChange={(e) => setPostData(e.target.value)}
          />
        </label>
      )}
      {targetError && (
        <p className="notice notice-error" role="alert" data-testid="emulator-target-error">
          <VisibleText text={targetError} />
        </p>
      )}
      <p className="muted" data-testid="emulator-contact-note">
        {Object.keys(contact).length > 0
          ? 'The sample record is used as the contact'
          : 'The sample record is empty, so a built-in example contact is used'}
        ; the platform's retry policy is selected.
      </p>
      <p className="muted" data-testid="emulator-assumptions">
        Assumed, not in the vendor&apos;s documents: {emulatorAssumptions(kind).join('; ')}.
      </p>
      <div className="compose-row">
        <button
          type="button"
          className="btn btn-primary btn-small"
          data-testid="emulator-apply"
          disabled={targetError !== null}
          onClick={pick}
        >
          Fill composer
        </button>
        <button type="button" className="btn btn-small" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
