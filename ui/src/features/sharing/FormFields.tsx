import { useT } from "../../i18n";

const LONG = 60;

/** The POST form's fields as a table; long values (the policy, the signature) cut, whole in the title. */
export function FormFields({ fields }: { fields: [string, string][] }) {
  const { t } = useT();
  return (
    <table className="share-fields" data-testid="share-post-fields">
      <caption>{t("share.fields")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("share.fieldName")}</th>
          <th scope="col">{t("share.fieldValue")}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map(([name, value]) => (
          <tr key={name}>
            <td className="mono">{name}</td>
            <td className="mono" title={value.length > LONG ? value : undefined}>
              {value.length > LONG ? `${value.slice(0, LONG)}…` : value}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
