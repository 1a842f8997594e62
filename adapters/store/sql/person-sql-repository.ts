import type { TenantScope } from '../../../core/common/scope';
import type { ContactDetails, Person, TeamsUser } from '../../../core/people/person';
import type { PersonRepository } from '../../../core/people/person-repository';
import type { DirectoryProfile } from '../../../core/people/directory';
import { pendingName, pickedIdKind } from '../../../core/people/pending-person';
import { nullable, optional } from './columns';
import { Params, type SqlExecutor } from './sql-executor';

interface PersonRow {
  tenant_id: string;
  id: string;
  kind: Person['kind'];
  display_name: string;
  email: string | null;
  phone: string | null;
  job_title: string | null;
  aad_object_id: string | null;
  partner_id: string | null;
  teams_user_id: string | null;
  pending_since: string | null;
  name_typed_by: string | null;
}

const COLUMNS =
  'tenant_id, id, kind, display_name, email, phone, job_title, aad_object_id, partner_id, teams_user_id, pending_since, name_typed_by';

function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    kind: r.kind,
    displayName: r.display_name,
    email: optional(r.email),
    phone: optional(r.phone),
    jobTitle: optional(r.job_title),
    aadObjectId: optional(r.aad_object_id),
    partnerId: optional(r.partner_id),
    teamsUserId: optional(r.teams_user_id),
    // A pending person has no name stored unless a colleague typed one; the stand-in says so and shows the id
    // that was picked.
    ...(r.pending_since === null
      ? {}
      : {
          pending: true,
          displayName: r.display_name || pendingName(r.aad_object_id ?? r.teams_user_id ?? r.id),
          nameTypedBy: optional(r.name_typed_by),
        }),
  };
}

/** People in SQL. */
export class PersonSqlRepository implements PersonRepository {
  constructor(private readonly db: SqlExecutor) {}

  async upsertUser(scope: TenantScope, id: string, user: TeamsUser, now: string): Promise<Person> {
    // Most writes come from someone already known with the same name: then one read and no write.
    const known = await this.findByAadObjectId(scope, user.aadObjectId);
    if (
      known &&
      !known.pending &&
      known.displayName === user.displayName &&
      (user.email === undefined || known.email === user.email)
    )
      return known;
    // Keeps the first id for an Entra user; refreshes the name and e-mail Teams reports now.
    const [row] = await this.db.all<PersonRow>(
      `INSERT INTO people (tenant_id, id, kind, display_name, email, aad_object_id, created_at, updated_at)
       VALUES ($1, $2, 'user', $3, $4, $5, $6, $6)
       ON CONFLICT (tenant_id, aad_object_id) DO UPDATE
         SET display_name = excluded.display_name,
             email = COALESCE(excluded.email, people.email),
             pending_since = NULL,
             name_typed_by = NULL,
             updated_at = excluded.updated_at
       RETURNING ${COLUMNS}`,
      [scope.tenantId, id, user.displayName, nullable(user.email), user.aadObjectId.toLowerCase(), now],
    );
    return toPerson(row!);
  }

  async insertContact(
    scope: TenantScope,
    id: string,
    partnerId: string,
    details: ContactDetails,
    now: string,
  ): Promise<Person> {
    const [row] = await this.db.all<PersonRow>(
      `INSERT INTO people (tenant_id, id, kind, display_name, email, phone, job_title, partner_id, created_at, updated_at)
       VALUES ($1, $2, 'contact', $3, $4, $5, $6, $7, $8, $8)
       RETURNING ${COLUMNS}`,
      [
        scope.tenantId,
        id,
        details.displayName,
        nullable(details.email),
        nullable(details.phone),
        nullable(details.jobTitle),
        partnerId,
        now,
      ],
    );
    return toPerson(row!);
  }

  async updateContact(scope: TenantScope, id: string, details: ContactDetails, now: string): Promise<void> {
    this.db.write(
      `UPDATE people SET display_name = $3, email = $4, phone = $5, job_title = $6, updated_at = $7
       WHERE tenant_id = $1 AND id = $2 AND kind = 'contact'`,
      [
        scope.tenantId,
        id,
        details.displayName,
        nullable(details.email),
        nullable(details.phone),
        nullable(details.jobTitle),
        now,
      ],
    );
  }

  async getMany(scope: TenantScope, ids: readonly string[]): Promise<Person[]> {
    if (ids.length === 0) return [];
    const p = new Params();
    const rows = await this.db.all<PersonRow>(
      `SELECT ${COLUMNS} FROM people WHERE tenant_id = ${p.add(scope.tenantId)} AND id IN (${p.list(ids)})`,
      p.values,
    );
    return rows.map(toPerson);
  }

  async findByAadObjectId(scope: TenantScope, aadObjectId: string): Promise<Person | undefined> {
    const [row] = await this.db.all<PersonRow>(
      `SELECT ${COLUMNS} FROM people WHERE tenant_id = $1 AND aad_object_id = $2`,
      [scope.tenantId, aadObjectId.toLowerCase()],
    );
    return row && toPerson(row);
  }

  async findByTeamsUserId(scope: TenantScope, teamsUserId: string): Promise<Person | undefined> {
    const [row] = await this.db.all<PersonRow>(
      `SELECT ${COLUMNS} FROM people WHERE tenant_id = $1 AND teams_user_id = $2 AND kind = 'user'
       ORDER BY CASE WHEN pending_since IS NULL THEN 0 ELSE 1 END, id LIMIT 1`,
      [scope.tenantId, teamsUserId],
    );
    return row && toPerson(row);
  }

  async upsertPending(scope: TenantScope, id: string, pickedId: string, now: string): Promise<Person> {
    const entra = pickedIdKind(pickedId) === 'entra';
    const known = entra
      ? await this.findByAadObjectId(scope, pickedId)
      : await this.findByTeamsUserId(scope, pickedId);
    if (known) return known;
    // Two pickers racing for the same Entra id meet at its unique index; Teams user ids are not unique (a
    // person picked by both ids before being named is two rows until then), so the later insert simply wins.
    const [row] = await this.db.all<PersonRow>(
      `INSERT INTO people (tenant_id, id, kind, display_name, aad_object_id, teams_user_id, pending_since,
                           created_at, updated_at)
       VALUES ($1, $2, 'user', '', $3, $4, $5, $5, $5)
       ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET updated_at = people.updated_at
       RETURNING ${COLUMNS}`,
      [scope.tenantId, id, entra ? pickedId.toLowerCase() : null, entra ? null : pickedId, now],
    );
    return toPerson(row!);
  }

  async nameUser(
    scope: TenantScope,
    user: TeamsUser,
    teamsUserId: string | undefined,
    now: string,
  ): Promise<void> {
    const aad = user.aadObjectId.toLowerCase();
    if (teamsUserId !== undefined)
      // A person picked by Teams user id takes the Entra id, unless someone already has it.
      this.db.write(
        `UPDATE people SET aad_object_id = $1
         WHERE tenant_id = $2 AND id = (
             SELECT MIN(id) FROM people
             WHERE tenant_id = $2 AND teams_user_id = $3 AND aad_object_id IS NULL AND pending_since IS NOT NULL)
           AND NOT EXISTS (SELECT 1 FROM people WHERE tenant_id = $2 AND aad_object_id = $1)`,
        [aad, scope.tenantId, teamsUserId],
      );
    this.db.write(
      `UPDATE people SET display_name = $1, email = COALESCE($2, email), pending_since = NULL, name_typed_by = NULL,
         updated_at = $3
       WHERE tenant_id = $4 AND kind = 'user' AND pending_since IS NOT NULL
         AND (aad_object_id = $5 OR teams_user_id = $6)`,
      [user.displayName, nullable(user.email), now, scope.tenantId, aad, teamsUserId ?? null],
    );
    if (teamsUserId !== undefined)
      this.db.write(
        `UPDATE people SET teams_user_id = $1
         WHERE tenant_id = $2 AND aad_object_id = $3 AND (teams_user_id IS NULL OR teams_user_id <> $1)`,
        [teamsUserId, scope.tenantId, aad],
      );
  }

  async typeName(
    scope: TenantScope,
    id: string,
    displayName: string,
    typedBy: string,
    now: string,
  ): Promise<boolean> {
    // Only a person still pending takes a typed name: once Teams or the directory named them, theirs stands.
    const changed = await this.db.run(
      `UPDATE people SET display_name = $1, name_typed_by = $2, updated_at = $3
       WHERE tenant_id = $4 AND id = $5 AND kind = 'user' AND pending_since IS NOT NULL AND display_name <> $1`,
      [displayName, typedBy, now, scope.tenantId, id],
    );
    return changed > 0;
  }

  async needingProfile(scope: TenantScope, before: string, limit: number): Promise<Person[]> {
    const rows = await this.db.all<PersonRow>(
      `SELECT ${COLUMNS} FROM people WHERE tenant_id = $1 AND kind = 'user' AND aad_object_id IS NOT NULL
         AND (profile_checked_at IS NULL OR profile_checked_at < $2)
       ORDER BY profile_checked_at NULLS FIRST, id LIMIT $3`,
      [scope.tenantId, before, limit],
    );
    return rows.map(toPerson);
  }

  async saveProfile(scope: TenantScope, id: string, profile: DirectoryProfile, now: string): Promise<void> {
    this.db.write(
      `UPDATE people SET job_title = COALESCE($1, job_title), email = COALESCE($2, email), profile_checked_at = $3
       WHERE tenant_id = $4 AND id = $5 AND kind = 'user'`,
      [nullable(profile.jobTitle), nullable(profile.email), now, scope.tenantId, id],
    );
  }
}
