import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  inet,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** The fixed staff roles; what each may do lives in domain/staff/permissions.ts. */
export const staffRole = pgEnum('staff_role', ['admin', 'operations', 'warehouse', 'finance', 'viewer']);

export const actorType = pgEnum('actor_type', ['staff', 'system', 'api_key', 'integration']);

export const staffUsers = pgTable(
  'staff_users',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: staffRole('role').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    /** set by an admin's password reset: the next sign-in must choose a new password first */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** TOTP secret (sealed with the app's secret box); two-factor is on when totpEnabledAt is set */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** the last accepted TOTP time step: a code is accepted once (no replay within its window) */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // sign-in looks a user up by lower-cased email
    uniqueIndex('staff_users_email_key').on(sql`lower(${t.email})`),
  ],
);

/**
 * One row per signed-in browser. The next-auth JWT carries the row id; the server checks it on
 * every request so signing out, disabling an account or a role change takes effect at once.
 */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** touched at most once a minute by the request check; idle expiry counts from here */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    // revoke all sessions of a user (disable, role change); list a person's own sessions
    index('staff_sessions_user_idx').on(t.userId),
  ],
);

/** One-time recovery codes for two-factor sign-in; only a SHA-256 of each is kept. */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => staffUsers.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // sign-in consumes a code by (user, hash)
    primaryKey({ columns: [t.userId, t.codeHash] }),
  ],
);

/**
 * Sign-in throttle counters, one row per address ("ip:<addr>") and per account ("account:<email>").
 * Each attempt bumps its rows in one conditional statement before the password is checked, so
 * attempts arriving together are counted one after another.
 */
export const signInThrottles = pgTable(
  'sign_in_throttles',
  {
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [
    // pruneSignInThrottles: rows without a failure for an hour
    index('sign_in_throttles_window_idx').on(t.windowStartedAt),
  ],
);

/** Sign-in attempts, kept to slow down repeated failures from one address. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ip: text('ip').notNull(),
    email: text('email').notNull(),
    succeeded: boolean('succeeded').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // count recent failures from one address
    index('sign_in_attempts_ip_time_idx').on(t.ip, t.createdAt),
    // pruneSignInThrottles: attempts older than any check looks back
    index('sign_in_attempts_created_idx').on(t.createdAt),
    // "has this address signed in to this account before?" (lets a known address past an account lock)
    index('sign_in_attempts_email_ip_idx')
      .on(t.email, t.ip)
      .where(sql`${t.succeeded}`),
  ],
);

/** Keys for the REST API; only a hash is stored, the prefix identifies the key in lists. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    role: staffRole('role').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    // authenticate a request by its key prefix
    uniqueIndex('api_keys_prefix_key').on(t.prefix),
  ],
);

/** Who did what to which record; written by every mutation that matters. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorType: actorType('actor_type').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    ip: inet('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // audit page: newest first (keyset on created_at, id), optionally by target
    index('audit_log_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
    // audit page filtered by actor (?actor=staff:12), newest first
    index('audit_log_actor_idx').on(t.actorType, t.actorId, t.createdAt.desc(), t.id.desc()),
    // audit page filtered by action (?action=staff.update_role), newest first
    index('audit_log_action_idx').on(t.action, t.createdAt.desc(), t.id.desc()),
  ],
);

export type StaffUser = typeof staffUsers.$inferSelect;
export type NewStaffUser = typeof staffUsers.$inferInsert;
export type StaffSession = typeof staffSessions.$inferSelect;
export type SignInThrottleRow = typeof signInThrottles.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
