import type { SearchMode, SearchOptions } from "../../backend";
import { useT, type MessageKey } from "../../i18n";
import { FIELD_KEYS, isMetaName, parseMaxKeys, toField, type FieldKey } from "./model";

export type EngineChoice = "auto" | "server" | "local";

/** The options as the form holds them (max keys as typed). */
export interface OptionsState {
  mode: SearchMode;
  orderKey: FieldKey | "";
  orderMeta: string;
  descending: boolean;
  maxKeys: string;
  engine: EngineChoice;
}

export const DEFAULT_OPTIONS: OptionsState = {
  mode: "term",
  orderKey: "",
  orderMeta: "",
  descending: false,
  maxKeys: "100",
  engine: "auto",
};

const MODES: readonly SearchMode[] = ["term", "fuzzy", "wild", "regex"];
const ENGINES: readonly EngineChoice[] = ["auto", "server", "local"];

/** The request's options, or null while max keys or the order's metadata name is not valid. */
export function searchOptionsOf(o: OptionsState): Omit<SearchOptions, "marker"> | null {
  const maxKeys = parseMaxKeys(o.maxKeys);
  if (maxKeys === null) return null;
  if (o.orderKey === "meta" && !isMetaName(o.orderMeta)) return null;
  const order = o.orderKey === "" ? null : { key: toField(o.orderKey, o.orderMeta), descending: o.descending };
  return { mode: o.mode, order, maxKeys };
}

interface Props {
  value: OptionsState;
  onChange: (next: OptionsState) => void;
}

/** Text match mode, order, page size and engine, each explained. */
export function SearchOptionsForm({ value, onChange }: Props) {
  const { t } = useT();
  const set = (patch: Partial<OptionsState>) => onChange({ ...value, ...patch });
  const maxKeysBad = parseMaxKeys(value.maxKeys) === null;
  const orderMetaBad = value.orderKey === "meta" && !isMetaName(value.orderMeta);

  return (
    <div className="search-options" data-testid="search-options" role="group" aria-label={t("search.options")}>
      <div className="field search-opt-mode">
        <label htmlFor="search-mode">{t("search.mode")}</label>
        <select
          id="search-mode"
          data-testid="search-mode"
          value={value.mode}
          aria-describedby="search-mode-hint"
          onChange={(e) => set({ mode: e.target.value as SearchMode })}
        >
          {MODES.map((m) => (
            <option key={m} value={m}>
              {t(`search.mode.${m}` as MessageKey)}
            </option>
          ))}
        </select>
        <p className="field-hint" id="search-mode-hint" data-testid="search-mode-hint">
          {t(`search.modeHint.${value.mode}` as MessageKey)}
        </p>
      </div>

      <div className="field search-opt-order">
        <label htmlFor="search-order">{t("search.order")}</label>
        <div className="search-inline">
          <select
            id="search-order"
            data-testid="search-order"
            value={value.orderKey}
            onChange={(e) => set({ orderKey: e.target.value as FieldKey | "" })}
          >
            <option value="">{t("search.order.default")}</option>
            {FIELD_KEYS.map((f) => (
              <option key={f} value={f}>
                {t(`search.field.${f}` as MessageKey)}
              </option>
            ))}
          </select>
          <select
            data-testid="search-direction"
            aria-label={t("search.order.direction")}
            value={value.descending ? "desc" : "asc"}
            disabled={value.orderKey === ""}
            onChange={(e) => set({ descending: e.target.value === "desc" })}
          >
            <option value="asc">{t("search.order.asc")}</option>
            <option value="desc">{t("search.order.desc")}</option>
          </select>
        </div>
        {value.orderKey === "meta" && (
          <>
            <input
              className="mono"
              data-testid="search-order-meta"
              aria-label={t("search.order.metaName")}
              aria-invalid={orderMetaBad ? true : undefined}
              aria-describedby={orderMetaBad ? "search-order-meta-error" : undefined}
              placeholder={t("search.builder.metaPlaceholder")}
              value={value.orderMeta}
              onChange={(e) => set({ orderMeta: e.target.value })}
            />
            {orderMetaBad && (
              <div className="field-error" id="search-order-meta-error" role="alert" data-testid="search-order-meta-error">
                {t("search.row.noMetaName")}
              </div>
            )}
          </>
        )}
      </div>

      <div className={`field search-opt-max ${maxKeysBad ? "field-invalid" : ""}`}>
        <label htmlFor="search-max-keys">{t("search.maxKeys")}</label>
        <input
          id="search-max-keys"
          data-testid="search-max-keys"
          inputMode="numeric"
          value={value.maxKeys}
          aria-invalid={maxKeysBad ? true : undefined}
          aria-describedby={maxKeysBad ? "search-max-keys-error" : undefined}
          onChange={(e) => set({ maxKeys: e.target.value })}
        />
        {maxKeysBad && (
          <div className="field-error" id="search-max-keys-error" role="alert" data-testid="search-max-keys-error">
            {t("search.maxKeysBad")}
          </div>
        )}
      </div>

      <fieldset className="field search-opt-engine">
        <legend>{t("search.engine")}</legend>
        <div className="search-engines" role="radiogroup" aria-label={t("search.engine")}>
          {ENGINES.map((e) => (
            <label key={e} className="search-engine">
              <input
                type="radio"
                name="search-engine"
                value={e}
                data-testid={`search-engine-${e}`}
                checked={value.engine === e}
                onChange={() => set({ engine: e })}
              />
              {t(`search.engine.${e}` as MessageKey)}
            </label>
          ))}
        </div>
        <p
          className={`field-hint ${value.engine === "local" ? "hint-warn" : ""}`}
          data-testid="search-engine-hint"
        >
          {t(`search.engineHint.${value.engine}` as MessageKey)}
        </p>
      </fieldset>
    </div>
  );
}
