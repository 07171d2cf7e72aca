/**
 * A form's fields as a plain object for zod: repeated names (checkbox groups) become arrays and
 * Next's internal `$ACTION_*` fields are dropped.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    if (!(key in out)) out[key] = value;
    else out[key] = Array.isArray(out[key]) ? [...(out[key] as unknown[]), value] : [out[key], value];
  }
  return out;
}
