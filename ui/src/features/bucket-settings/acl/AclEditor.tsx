import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useEffect, useId, useMemo, useState, type FormEvent } from "react";
import {
  api,
  type AccessControlPolicy,
  type AclChange,
  type AclTarget,
  type CannedAcl,
  type ConfigParse,
  type Grantee,
  type Owner,
  type Permission,
  type Problem,
} from "../../../backend";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { Icon } from "../../../components/Icon";
import { Spinner } from "../../../components/Spinner";
import { Tooltip } from "../../../components/Tooltip";
import { ErrorMessage } from "../../../errors";
import { useT, type MessageKey, type Translator } from "../../../i18n";
import { JsonEditor } from "../kit/JsonEditor";
import { blocking, ProblemList, useProblemSentence } from "../kit/problems";
import { isUnsupported, UnsupportedNotice } from "../kit/Unsupported";
import { ViewToggle, type EditorView } from "../kit/ViewToggle";
import "./acl.css";
import {
  aclQueryKey,
  grantIndex,
  LOG_DELIVERY,
  PERMISSIONS,
  sameGrantee,
  toMatrix,
  toPolicy,
  type GranteeRow,
  type Matrix,
} from "./model";

const CANNED: readonly CannedAcl[] = ["private", "public-read", "public-read-write", "authenticated-read"];
type AddType = "CanonicalUser" | "AmazonCustomerByEmail";
const ADD_TYPES: readonly AddType[] = ["CanonicalUser", "AmazonCustomerByEmail"];
const CHECK_DELAY_MS = 200;

const isRisk = (p: Problem) => blocking([p]).length === 0;

/** The policy a parse of the JSON text produced, when it has the ACL's shape. */
function policyOf(parse: ConfigParse | null): AccessControlPolicy | null {
  const doc = parse?.document;
  return doc?.kind === "acl" && doc.value.kind === "policy" ? doc.value.value : null;
}

/**
 * The ACL of a bucket (`key: null`) or of an object or one version of it: read from the server,
 * edited as a canned ACL or as a grants matrix (or its JSON), checked by Rust as it is edited,
 * saved after the user agreed to any risk, then read back.
 */
export function AclEditor({ profileId, target }: { profileId: string; target: AclTarget }) {
  const { t } = useT();
  const qc = useQueryClient();
  const queryKey = aclQueryKey(profileId, target);
  const acl = useQuery({ queryKey, queryFn: () => api.getAcl(profileId, target) });
  const [saved, setSaved] = useState(false);
  const put = useMutation({
    mutationFn: (change: AclChange) => api.putAcl(profileId, target, change),
    // Pending until the ACL has been read back: what shows next is the server's.
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey, exact: true });
      setSaved(true);
    },
  });

  let body;
  if (acl.data) {
    body = (
      <>
        {acl.error && <ErrorMessage error={acl.error} />}
        <AclForm
          // A new read of the server starts the form over from it.
          key={acl.dataUpdatedAt}
          policy={acl.data}
          target={target}
          saving={put.isPending}
          saved={saved}
          saveError={put.error}
          onEdit={() => {
            setSaved(false);
            if (put.error) put.reset();
          }}
          onSave={(change) => {
            setSaved(false);
            put.mutate(change);
          }}
        />
      </>
    );
  } else if (acl.error) {
    body = isUnsupported(acl.error) ? <UnsupportedNotice error={acl.error} /> : <ErrorMessage error={acl.error} />;
  } else {
    body = <Spinner label={t("common.loading")} />;
  }

  return (
    <div className="acl-editor" data-testid="acl-editor">
      <p className="settings-intro">{t(target.key === null ? "acl.intro.bucket" : "acl.intro.object")}</p>
      {body}
    </div>
  );
}

interface FormProps {
  policy: AccessControlPolicy;
  target: AclTarget;
  saving: boolean;
  saved: boolean;
  saveError: unknown;
  onEdit: () => void;
  onSave: (change: AclChange) => void;
}

/** What Rust said about one state of the form, and which row each of its grants came from. */
interface Checked {
  of: { change: AclChange; rowOfGrant: number[] };
  problems: Problem[];
}

function AclForm({ policy, target, saving, saved, saveError, onEdit, onSave }: FormProps) {
  const { t, tn } = useT();
  const [mode, setMode] = useState<"canned" | "grants">("grants");
  const [canned, setCanned] = useState<CannedAcl>("private");
  const [matrix, setMatrix] = useState<Matrix>(() => toMatrix(policy));
  const [view, setView] = useState<EditorView>("form");
  const [jsonText, setJsonText] = useState("");
  /** The text as printed from the form: parsing it back must not rebuild the matrix. */
  const [printed, setPrinted] = useState("");
  const [jsonParse, setJsonParse] = useState<{ text: string; parse: ConfigParse } | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [confirm, setConfirm] = useState<{ change: AclChange; risks: Problem[] } | null>(null);
  const [addType, setAddType] = useState<AddType>("CanonicalUser");
  const [addValue, setAddValue] = useState("");
  const [addExists, setAddExists] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const owner = matrix.owner;
  const id = useId();
  const forObject = target.key !== null;

  /** What Save would send from the form, and the row of each grant. */
  const current = useMemo(() => {
    if (mode === "canned") return { change: { kind: "canned", value: canned } as AclChange, rowOfGrant: [] };
    const { policy: value, rowOfGrant } = toPolicy(matrix);
    return { change: { kind: "policy", value } as AclChange, rowOfGrant };
  }, [mode, canned, matrix]);

  // The form is checked by Rust as it is edited (no request is sent).
  useEffect(() => {
    if (view !== "form") return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .checkConfig({ kind: "acl", value: current.change })
        .then((problems) => live && setChecked({ of: current, problems }))
        .catch((e: unknown) => live && setError(e));
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [current, view]);

  /** Takes in a parse of the JSON text: the form follows it when it has the ACL's shape. */
  const takeParse = (text: string, parse: ConfigParse) => {
    setJsonParse({ text, parse });
    const parsed = policyOf(parse);
    if (parsed && text !== printed) setMatrix(toMatrix(parsed));
  };

  // The JSON text is parsed by Rust as it is typed.
  useEffect(() => {
    if (view !== "json" || jsonParse?.text === jsonText) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .parseConfig("acl", jsonText)
        .then((parse) => live && takeParse(jsonText, parse))
        .catch((e: unknown) => live && setError(e));
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // takeParse only reads `printed`, which changes with the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, jsonText, jsonParse]);

  const edit = () => {
    setError(null);
    onEdit();
  };

  /** Parses the JSON text now; true when it reads as an ACL (the form then holds it). */
  const leaveJson = async (): Promise<boolean> => {
    const parse = jsonParse?.text === jsonText ? jsonParse.parse : await api.parseConfig("acl", jsonText);
    takeParse(jsonText, parse);
    if (!policyOf(parse)) return false;
    setView("form");
    return true;
  };

  const chooseView = async (next: EditorView) => {
    if (next === view) return;
    setError(null);
    try {
      if (next === "json") {
        const text = await api.printConfig({ kind: "acl", value: { kind: "policy", value: toPolicy(matrix).policy } });
        setPrinted(text);
        setJsonText(text);
        setJsonParse(null);
        setView("json");
      } else {
        await leaveJson();
      }
    } catch (e) {
      setError(e);
    }
  };

  const chooseMode = async (next: "canned" | "grants") => {
    if (next === mode) return;
    try {
      if (view === "json" && !(await leaveJson())) return;
    } catch (e) {
      setError(e);
      return;
    }
    setMode(next);
    edit();
  };

  const toggle = (r: number, permission: Permission) => {
    setMatrix((m) => ({
      ...m,
      rows: m.rows.map((row, i) =>
        i !== r
          ? row
          : {
              ...row,
              permissions: row.permissions.includes(permission)
                ? row.permissions.filter((p) => p !== permission)
                : [...row.permissions, permission],
            },
      ),
    }));
    edit();
  };

  const remove = (r: number) => {
    setMatrix((m) => ({ ...m, rows: m.rows.filter((_, i) => i !== r) }));
    setAddExists(null);
    edit();
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    const value = addValue.trim();
    if (!value) return;
    const grantee: Grantee =
      addType === "CanonicalUser" ? { Type: "CanonicalUser", ID: value } : { Type: "AmazonCustomerByEmail", EmailAddress: value };
    const existing = matrix.rows.findIndex((row) => sameGrantee(row.grantee, grantee));
    if (existing >= 0) {
      setAddExists(existing);
      return;
    }
    setMatrix((m) => ({ ...m, rows: [...m.rows, { grantee, permissions: ["READ"], fixed: null }] }));
    setAddValue("");
    setAddExists(null);
    edit();
  };

  const save = async () => {
    setError(null);
    setBusy(true);
    try {
      let change: AclChange;
      let problems: Problem[];
      if (mode === "grants" && view === "json") {
        const parse = await api.parseConfig("acl", jsonText);
        takeParse(jsonText, parse);
        const value = policyOf(parse);
        if (!value) return;
        // The text as typed is what is sent (its order, its problems).
        change = { kind: "policy", value };
        problems = parse.problems;
      } else {
        change = current.change;
        problems = await api.checkConfig({ kind: "acl", value: change });
        setChecked({ of: current, problems });
      }
      if (blocking(problems).length > 0) return;
      const risks = problems.filter(isRisk);
      if (risks.length > 0) setConfirm({ change, risks });
      else onSave(change);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const shown: Problem[] =
    mode === "grants" && view === "json"
      ? (jsonParse?.text === jsonText ? jsonParse.parse.problems : (jsonParse?.parse.problems ?? []))
      : checked && checked.of.change.kind === current.change.kind
        ? checked.problems
        : [];
  const blockers = blocking(shown);

  /** Problems Rust named on the grants of row `r` (the owner's row also takes Owner.* and "Grants"). */
  const problemsOfRow = (r: number): Problem[] => {
    if (!checked || checked.of.change.kind !== "policy") return [];
    return checked.problems.filter((p) => {
      const i = grantIndex(p.field);
      if (i !== null) return checked.of.rowOfGrant[i] === r;
      return r === 0 && (p.field === "Grants" || p.field.startsWith("Owner"));
    });
  };

  const targetName = t(forObject ? "acl.target.object" : "acl.target.bucket", {
    name: forObject ? (target.key ?? "") : target.bucket,
  });

  return (
    <>
      <dl className="settings-facts acl-owner-facts">
        <div>
          <dt>{t("acl.owner")}</dt>
          <dd data-testid="acl-owner">
            {owner.ID ? (
              <>
                <span className="acl-name">{owner.DisplayName || owner.ID}</span>
                {owner.DisplayName && <span className="acl-id">{owner.ID}</span>}
              </>
            ) : (
              <span className="muted">{t("acl.owner.none")}</span>
            )}
          </dd>
        </div>
      </dl>

      <p className="notice notice-warning acl-replaces" data-testid="acl-replaces">
        <Icon name="warning" size={16} />
        <span>{t("acl.replaces")}</span>
      </p>

      <fieldset className="acl-modes">
        <legend className="visually-hidden">{t("acl.mode.label")}</legend>
        {(["canned", "grants"] as const).map((m) => (
          <label key={m} className={`acl-mode ${mode === m ? "active" : ""}`}>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === m}
              onChange={() => void chooseMode(m)}
              data-testid={`acl-mode-${m}`}
            />
            <span>
              <span className="acl-mode-title">{t(`acl.mode.${m}`)}</span>
              <span className="field-hint">{t(`acl.mode.${m}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {mode === "canned" ? (
        <div className="field acl-canned">
          <label htmlFor={`${id}-canned`}>{t("acl.canned.label")}</label>
          <select
            id={`${id}-canned`}
            data-testid="acl-canned"
            value={canned}
            onChange={(e) => {
              setCanned(e.target.value as CannedAcl);
              edit();
            }}
          >
            {CANNED.map((c) => (
              <option key={c} value={c}>
                {t(`acl.canned.${c}`)} ({c})
              </option>
            ))}
          </select>
          <p className="field-hint">{t(`acl.canned.hint.${canned}`)}</p>
          <ProblemNotes problems={shown} testId="acl-canned-problems" />
        </div>
      ) : (
        <>
          <ViewToggle view={view} onView={(v) => void chooseView(v)} />
          {view === "json" ? (
            <>
              <JsonEditor
                value={jsonText}
                onChange={(text) => {
                  setJsonText(text);
                  edit();
                }}
                problems={shown}
                label={t("acl.json.label")}
              />
              <p className="field-hint">{t("config.jsonHint")}</p>
            </>
          ) : (
            <>
              <GrantsMatrix
                matrix={matrix}
                forObject={forObject}
                problemsOfRow={problemsOfRow}
                onToggle={toggle}
                onRemove={remove}
              />
              <form className="acl-add" onSubmit={add} aria-label={t("acl.add.legend")}>
                <select
                  aria-label={t("acl.add.type")}
                  data-testid="acl-add-type"
                  value={addType}
                  onChange={(e) => {
                    setAddType(e.target.value as AddType);
                    setAddExists(null);
                  }}
                >
                  {ADD_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`acl.add.type.${type}`)}
                    </option>
                  ))}
                </select>
                <input
                  type="text"
                  inputMode={addType === "AmazonCustomerByEmail" ? "email" : "text"}
                  aria-label={t(`acl.add.value.${addType}`)}
                  placeholder={t(`acl.add.placeholder.${addType}`)}
                  data-testid="acl-add-value"
                  value={addValue}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(e) => {
                    setAddValue(e.target.value);
                    setAddExists(null);
                  }}
                />
                <button type="submit" className="button" data-testid="acl-add" disabled={!addValue.trim()}>
                  <Icon name="plus" size={16} />
                  {t("acl.add")}
                </button>
              </form>
              <p className="field-hint" data-testid={addExists !== null ? "acl-add-exists" : undefined}>
                {addExists !== null ? t("acl.add.exists", { row: addExists + 1 }) : t("acl.add.hint")}
              </p>
            </>
          )}
        </>
      )}

      {blockers.length > 0 && (
        <p className="field-error" data-testid="acl-fix-first">
          {tn("config.fixFirst", blockers.length)}
        </p>
      )}
      <ProblemList problems={shown} />

      <div className="settings-actions">
        <button
          type="button"
          className="button primary"
          data-testid="acl-save"
          disabled={saving || busy}
          onClick={() => void save()}
        >
          {saving ? t("config.saving") : t("config.save")}
        </button>
      </div>
      {saved && (
        <p className="notice notice-success" data-testid="acl-saved" role="status">
          {t("config.saved")}
        </p>
      )}
      {saveError != null && <ErrorMessage error={saveError} />}
      {error != null && <ErrorMessage error={error} />}

      {confirm && (
        <ConfirmDialog
          title={t("acl.confirm.title")}
          message={
            <>
              <p className="confirm-question">{t("acl.confirm.intro", { target: targetName })}</p>
              <ul className="acl-risks" data-testid="acl-risks">
                {riskSentences(confirm.change, confirm.risks, owner, t).map((sentence) => (
                  <li key={sentence}>{sentence}</li>
                ))}
              </ul>
            </>
          }
          okLabel={t("acl.confirm.ok")}
          danger
          onConfirm={() => {
            const change = confirm.change;
            setConfirm(null);
            onSave(change);
          }}
          onCancel={() => setConfirm(null)}
        />
      )}
    </>
  );
}

/** One sentence per risk, naming who and what (read from the change Rust flagged). */
function riskSentences(change: AclChange, risks: readonly Problem[], owner: Owner, t: Translator["t"]): string[] {
  const out: string[] = [];
  if (risks.some((p) => p.code === "OwnerLosesFullControl")) {
    const o = change.kind === "policy" ? change.value.Owner : owner;
    out.push(t("acl.risk.OwnerLosesFullControl", { owner: o.DisplayName || o.ID }));
  }
  const publicWrite = risks.filter((p) => p.code === "PublicWrite");
  if (publicWrite.length > 0) {
    const permissions = new Set<Permission>();
    if (change.kind === "policy") {
      for (const p of publicWrite) {
        const i = grantIndex(p.field);
        const grant = i === null ? undefined : change.value.Grants[i];
        if (grant) permissions.add(grant.Permission);
      }
    }
    const names = PERMISSIONS.filter((p) => permissions.has(p)).map((p) => `${t(`acl.perm.${p}`)} (${p})`);
    out.push(
      names.length > 0
        ? t("acl.risk.PublicWrite.grants", { permissions: names.join(t("acl.listSeparator")) })
        : t("acl.risk.PublicWrite.canned"),
    );
  }
  return out;
}

/** The grants matrix: a row per grantee, a checkbox per permission, Rust's problems under the row. */
function GrantsMatrix({
  matrix,
  forObject,
  problemsOfRow,
  onToggle,
  onRemove,
}: {
  matrix: Matrix;
  forObject: boolean;
  problemsOfRow: (r: number) => Problem[];
  onToggle: (r: number, permission: Permission) => void;
  onRemove: (r: number) => void;
}) {
  const { t } = useT();
  const scope = forObject ? "object" : "bucket";
  return (
    <div className="acl-matrix-wrap">
      <table className="data-table acl-matrix" aria-label={t("acl.grants.label")} data-testid="acl-matrix">
        <thead>
          <tr>
            <th scope="col">{t("acl.grantee")}</th>
            {PERMISSIONS.map((p) => (
              <th scope="col" key={p} className="acl-perm">
                <Tooltip label={t(`acl.permHint.${scope}.${p}` as MessageKey)}>
                  <span className="acl-perm-head" tabIndex={0} data-testid={`acl-perm-${p}`}>
                    {t(`acl.perm.${p}`)}
                  </span>
                </Tooltip>
              </th>
            ))}
            <th scope="col" className="acl-remove-col">
              <span className="visually-hidden">{t("acl.removeColumn")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row, r) => {
            const name = granteeName(row, t);
            const problems = problemsOfRow(r);
            return (
              <Fragment key={rowKey(row)}>
                <tr className={problems.length > 0 ? "acl-row has-problems" : "acl-row"}>
                  <th scope="row" className="acl-grantee" data-testid={`acl-grantee-${r}`}>
                    <GranteeLabel row={row} name={name} />
                  </th>
                  {PERMISSIONS.map((p) => (
                    <td key={p} className="acl-cell">
                      <input
                        type="checkbox"
                        checked={row.permissions.includes(p)}
                        onChange={() => onToggle(r, p)}
                        aria-label={t("acl.checkbox", { grantee: name, permission: t(`acl.perm.${p}`) })}
                        data-testid={`acl-grant-${r}-${p}`}
                      />
                    </td>
                  ))}
                  <td className="acl-remove-col">
                    {row.fixed === null && (
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={t("acl.remove", { grantee: name })}
                        title={t("acl.remove", { grantee: name })}
                        data-testid={`acl-remove-${r}`}
                        onClick={() => onRemove(r)}
                      >
                        <Icon name="trash" size={16} />
                      </button>
                    )}
                  </td>
                </tr>
                {problems.length > 0 && (
                  <tr className="acl-problem-row">
                    <td colSpan={PERMISSIONS.length + 2}>
                      <ProblemNotes problems={problems} testId={`acl-problems-${r}`} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const rowKey = (row: GranteeRow) =>
  `${row.grantee.Type}:${row.grantee.ID ?? row.grantee.EmailAddress ?? row.grantee.URI ?? ""}`;

/** The grantee in words: a fixed row's role, a user's name (or ID), an address, a group. */
function granteeName(row: GranteeRow, t: (key: MessageKey) => string): string {
  const g = row.grantee;
  if (row.fixed === "allUsers") return t("acl.row.allUsers");
  if (row.fixed === "authenticatedUsers") return t("acl.row.authenticatedUsers");
  if (g.Type === "AmazonCustomerByEmail") return g.EmailAddress ?? "";
  if (g.Type === "Group") return g.URI === LOG_DELIVERY ? t("acl.row.logDelivery") : (g.URI ?? "");
  return g.DisplayName || g.ID || "";
}

function GranteeLabel({ row, name }: { row: GranteeRow; name: string }) {
  const { t } = useT();
  const g = row.grantee;
  const tag: MessageKey | null =
    row.fixed === "owner"
      ? "acl.row.owner"
      : row.fixed
        ? null
        : g.Type === "CanonicalUser"
          ? "acl.row.user"
          : g.Type === "AmazonCustomerByEmail"
            ? "acl.row.email"
            : "acl.row.group";
  const hint =
    row.fixed === "allUsers"
      ? t("acl.row.allUsers.hint")
      : row.fixed === "authenticatedUsers"
        ? t("acl.row.authenticatedUsers.hint")
        : null;
  // What the name stands for, when the name is not it already (a display name, "Log delivery").
  const id =
    g.Type === "CanonicalUser" && g.DisplayName && g.ID
      ? g.ID
      : g.Type === "Group" && g.URI === LOG_DELIVERY
        ? g.URI
        : null;
  return (
    <>
      <span className="acl-grantee-line">
        {tag && <span className="acl-tag">{t(tag)}</span>}
        <span className="acl-name">{name}</span>
      </span>
      {hint && <span className="acl-detail">{hint}</span>}
      {id && <span className="acl-id">{id}</span>}
      {row.fixed === null && row.permissions.length === 0 && (
        <span className="acl-detail acl-empty">{t("acl.row.empty")}</span>
      )}
    </>
  );
}

/** Rust's problems, each sentence once: errors in red, risks (to be confirmed on Save) in amber. */
function ProblemNotes({ problems, testId }: { problems: readonly Problem[]; testId: string }) {
  const sentence = useProblemSentence();
  if (problems.length === 0) return null;
  const lines = [...new Map(problems.map((p) => [`${p.code}|${sentence(p)}`, p])).entries()];
  return (
    <div className="acl-problems" data-testid={testId}>
      {lines.map(([key, p]) => (
        <div
          key={key}
          className={isRisk(p) ? "acl-risk" : "field-error"}
          role={isRisk(p) ? undefined : "alert"}
        >
          {sentence(p)}
        </div>
      ))}
    </div>
  );
}
