import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { api, type Problem, type TopicSpec } from "../../backend";
import { Modal } from "../../components/Modal";
import { ErrorMessage } from "../../errors";
import { useT, type MessageKey } from "../../i18n";
import { FieldProblems, ProblemList, blocking, problemsAt } from "../bucket-settings/kit/problems";
import { queryKeys } from "../../lib/queryKeys";
import {
  ACK_LEVELS,
  emptyForm,
  fromSpec,
  hasMaskedPassword,
  KINDS,
  newExtraRow,
  toSpec,
  URL_PLACEHOLDER,
  withKind,
  type TopicForm as Form,
} from "./model";

/** How long the form rests before Rust checks it. */
const CHECK_DELAY_MS = 200;

interface Props {
  profileId: string;
  /** The topic being edited (its name is then read-only), or null for a new one. */
  initial: TopicSpec | null;
  onClose: () => void;
  onSaved: (arn: string) => void;
}

/**
 * Create or update a topic (createTopic with the same name updates it). Rust checks the spec as
 * the user types; Save checks again and sends nothing while a problem remains.
 */
export function TopicFormDialog({ profileId, initial, onClose, onSaved }: Props) {
  const { t } = useT();
  const id = useId();
  const qc = useQueryClient();
  const editing = initial !== null;
  const [form, setForm] = useState<Form>(() => (initial ? fromSpec(initial) : emptyForm()));
  // Problems show once the user has typed something or tried to save (not on an empty new form).
  const [touched, setTouched] = useState(editing);
  const [checked, setChecked] = useState<{ of: string; problems: Problem[] }>({ of: "", problems: [] });

  const spec = toSpec(form);
  const specText = JSON.stringify(spec);

  useEffect(() => {
    if (!touched) return;
    let live = true;
    const timer = setTimeout(() => {
      void api.checkTopic(JSON.parse(specText) as TopicSpec).then((problems) => {
        if (live) setChecked({ of: specText, problems });
      });
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [specText, touched]);

  const save = useMutation({
    mutationFn: (s: TopicSpec) => api.createTopic(profileId, s),
    onSuccess: async (arn) => {
      await qc.invalidateQueries({ queryKey: queryKeys.topics(profileId) });
      onSaved(arn);
    },
  });

  const edit = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setTouched(true);
    if (save.error) save.reset();
  };

  const submit = async () => {
    setTouched(true);
    // Ask Rust about exactly what would be sent, whatever the debounced answer shows.
    const problems = await api.checkTopic(spec);
    setChecked({ of: specText, problems });
    if (blocking(problems).length > 0) return;
    save.mutate(spec);
  };

  const problems = touched ? checked.problems : [];
  const fid = (name: string) => `${id}-${name}`;
  const kind = form.kind;

  const footer = (
    <>
      <button type="button" className="button" onClick={onClose} data-testid="topic-cancel">
        {t("common.cancel")}
      </button>
      <button
        type="button"
        className="button primary"
        onClick={() => void submit()}
        data-testid="topic-save"
        disabled={save.isPending}
      >
        {save.isPending ? t("topics.form.saving") : editing ? t("topics.form.update") : t("topics.form.create")}
      </button>
    </>
  );

  return (
    <Modal
      title={editing ? t("topics.form.editTitle", { name: form.name }) : t("topics.form.newTitle")}
      onClose={onClose}
      testId="topic-form"
      footer={footer}
    >
      <form
        id={fid("form")}
        className="form topic-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor={fid("name")}>{t("topics.form.name")}</label>
          <input
            id={fid("name")}
            data-testid="topic-name"
            value={form.name}
            readOnly={editing}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problemsAt(problems, "name").length > 0}
            onChange={(e) => edit({ name: e.target.value })}
          />
          {editing ? (
            <p className="field-hint">{t("topics.form.nameFixed")}</p>
          ) : (
            <p className="field-hint">{t("topics.form.nameHint")}</p>
          )}
          <FieldProblems problems={problems} field="name" />
        </div>

        <fieldset className="topic-fieldset">
          <legend>{t("topics.form.kind")}</legend>
          <div className="topic-kinds" role="radiogroup" aria-label={t("topics.form.kind")}>
            {KINDS.map((k) => (
              <label key={k} className="topic-kind">
                <input
                  type="radio"
                  name={fid("kind")}
                  value={k}
                  checked={kind === k}
                  data-testid={`topic-kind-${k}`}
                  onChange={() => {
                    setForm((f) => withKind(f, k));
                    setTouched(true);
                  }}
                />
                {t(`topics.kind.${k}` as MessageKey)}
              </label>
            ))}
          </div>

          <div className="field">
            <label htmlFor={fid("url")}>{t("topics.form.url")}</label>
            <input
              id={fid("url")}
              data-testid="topic-url"
              className="mono"
              value={form.url}
              placeholder={URL_PLACEHOLDER[kind]}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={problemsAt(problems, "endpoint.url").length > 0}
              onChange={(e) => edit({ url: e.target.value })}
            />
            <p className="field-hint">{t(`topics.form.urlHint.${kind}` as MessageKey)}</p>
            {hasMaskedPassword(form.url) && (
              <p className="field-hint hint-warn" data-testid="topic-url-masked">
                {t("topics.form.urlMasked")}
              </p>
            )}
            <FieldProblems problems={problems} field="endpoint.url" />
          </div>

          {kind === "amqp" && (
            <div className="field">
              <label htmlFor={fid("exchange")}>{t("topics.form.exchange")}</label>
              <input
                id={fid("exchange")}
                data-testid="topic-exchange"
                value={form.exchange}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={problemsAt(problems, "endpoint.exchange").length > 0}
                onChange={(e) => edit({ exchange: e.target.value })}
              />
              <p className="field-hint">{t("topics.form.exchangeHint")}</p>
              <FieldProblems problems={problems} field="endpoint.exchange" />
            </div>
          )}

          {(kind === "amqp" || kind === "kafka") && (
            <div className="field">
              <label htmlFor={fid("ack")}>{t("topics.form.ackLevel")}</label>
              <select
                id={fid("ack")}
                data-testid="topic-ack-level"
                value={form.ackLevel}
                onChange={(e) => edit({ ackLevel: e.target.value })}
              >
                {ACK_LEVELS[kind].map((level) => (
                  <option key={level} value={level}>
                    {t(`topics.ack.${level}` as MessageKey)}
                  </option>
                ))}
              </select>
              <p className="field-hint">{t(`topics.ack.${form.ackLevel}.hint` as MessageKey)}</p>
              <FieldProblems problems={problems} field="endpoint.ackLevel" />
            </div>
          )}

          {kind === "kafka" && (
            <label className="checkbox">
              <input
                type="checkbox"
                data-testid="topic-use-ssl"
                checked={form.useSsl}
                onChange={(e) => edit({ useSsl: e.target.checked })}
              />
              <span>
                {t("topics.form.useSsl")}
                <span className="field-hint block">{t("topics.form.useSslHint")}</span>
              </span>
            </label>
          )}

          {(kind === "kafka" || (kind === "http" && /^https:/i.test(form.url.trim()))) && (
            <label className="checkbox">
              <input
                type="checkbox"
                data-testid="topic-verify-ssl"
                checked={form.verifySsl}
                onChange={(e) => edit({ verifySsl: e.target.checked })}
              />
              <span>
                {t("topics.form.verifySsl")}
                <span className="field-hint block">{t("topics.form.verifySslHint")}</span>
              </span>
            </label>
          )}
        </fieldset>

        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="topic-persistent"
            checked={form.persistent}
            onChange={(e) => edit({ persistent: e.target.checked })}
          />
          <span>
            {t("topics.form.persistent")}
            <span className="field-hint block">{t("topics.form.persistentHint")}</span>
          </span>
        </label>

        <div className="field">
          <label htmlFor={fid("opaque")}>{t("topics.form.opaque")}</label>
          <input
            id={fid("opaque")}
            data-testid="topic-opaque"
            value={form.opaqueData}
            autoComplete="off"
            onChange={(e) => edit({ opaqueData: e.target.value })}
          />
          <p className="field-hint">{t("topics.form.opaqueHint")}</p>
          <FieldProblems problems={problems} field="opaqueData" />
        </div>

        <fieldset className="topic-fieldset">
          <legend>{t("topics.form.extra")}</legend>
          <p className="field-hint">{t("topics.form.extraHint")}</p>
          {form.extra.map((row, i) => (
            <div key={row.key} className="topic-extra-row">
              <div className="topic-extra-inputs">
                <input
                  aria-label={t("topics.form.extraName", { n: i + 1 })}
                  data-testid={`topic-extra-${i}-name`}
                  className="mono"
                  value={row.name}
                  placeholder={t("topics.form.extraNamePlaceholder")}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={problemsAt(problems, `extra[${i}].name`).length > 0}
                  onChange={(e) =>
                    edit({ extra: form.extra.map((r) => (r.key === row.key ? { ...r, name: e.target.value } : r)) })
                  }
                />
                <input
                  aria-label={t("topics.form.extraValue", { n: i + 1 })}
                  data-testid={`topic-extra-${i}-value`}
                  value={row.value}
                  placeholder={t("topics.form.extraValuePlaceholder")}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) =>
                    edit({ extra: form.extra.map((r) => (r.key === row.key ? { ...r, value: e.target.value } : r)) })
                  }
                />
                <button
                  type="button"
                  className="button small"
                  aria-label={t("topics.form.extraRemove", { n: i + 1 })}
                  data-testid={`topic-extra-${i}-remove`}
                  onClick={() => edit({ extra: form.extra.filter((r) => r.key !== row.key) })}
                >
                  {t("topics.form.remove")}
                </button>
              </div>
              <FieldProblems problems={problems} field={`extra[${i}]`} exact={false} testId={`problem-extra-${i}`} />
            </div>
          ))}
          <div>
            <button
              type="button"
              className="button small"
              data-testid="topic-extra-add"
              onClick={() => edit({ extra: [...form.extra, newExtraRow()] })}
            >
              {t("topics.form.extraAdd")}
            </button>
          </div>
        </fieldset>

        <ProblemList problems={problems} />
        {save.error && <ErrorMessage error={save.error} />}
      </form>
    </Modal>
  );
}
