/**
 * Creates a staff account from the command line, e.g. the first admin of a new store:
 *   NEW_STAFF_PASSWORD='…' npm run staff:create -- --email boss@shop.cn --name 老板 --role admin
 * Uses DATABASE_URL or PGLITE_DIR like the server; the password comes from the environment so it
 * stays out of shell history.
 */
import { parseArgs } from 'node:util';
import { prepareDatabase } from '@/db/prepare';
import { createStaff } from '@/domain/staff/create-staff';
import { MIN_PASSWORD_LENGTH, normalizeEmail, ZCreateStaff } from '@/domain/staff/staff-input';
import staffMessages from '@/messages/en/staff.json';

// validation messages are i18n keys (staff.validation.x); print the English text
const explain = (message: string) => {
  const key = message.replace(/^staff\.validation\./, '') as keyof typeof staffMessages.validation;
  return (staffMessages.validation[key] ?? message)
    .replace('{min}', String(MIN_PASSWORD_LENGTH))
    .replace('{max}', 'the maximum');
};

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' } },
});
const parsed = ZCreateStaff.safeParse({
  ...values,
  name: values.name ?? values.email,
  password: process.env.NEW_STAFF_PASSWORD ?? '',
});
if (!parsed.success) {
  for (const issue of parsed.error.issues)
    console.error(`${issue.path.join('.') || 'input'}: ${explain(issue.message)}`);
  console.error(
    'usage: NEW_STAFF_PASSWORD=… npm run staff:create -- --email a@b.cn [--name 名字] [--role admin|operations|warehouse|finance|viewer]',
  );
  process.exit(2);
}
const handle = await prepareDatabase();
try {
  const result = await createStaff(handle.db, { ...parsed.data, actorId: null });
  if (!result.ok) {
    console.error(result.message);
    process.exitCode = 1;
  } else {
    console.log(
      `created staff #${result.data.id} ${normalizeEmail(parsed.data.email)} (${parsed.data.role}) in ${handle.description}`,
    );
  }
} finally {
  await handle.close();
}
