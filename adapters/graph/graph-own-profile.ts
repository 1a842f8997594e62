import type { Client } from '@microsoft/microsoft-graph-client';
import type { Directory, DirectoryProfile } from '../../core/people/directory';
import { graphFailure } from './graph-failure';

/**
 * The signed-in user's own job title and e-mail, read as them (`GET /me`, delegated User.Read, which every
 * user can consent to): the directory for someone using the tab, even where no administrator has granted the
 * app User.Read.All. It knows only that one user.
 */
export class GraphOwnProfile implements Directory {
  constructor(private readonly graph: Client) {}

  async profiles(_tenantId: string, aadObjectIds: readonly string[]): Promise<Map<string, DirectoryProfile>> {
    let me: { id: string; mail?: string | null; jobTitle?: string | null };
    try {
      me = (await this.graph.api('/me').select(['id', 'mail', 'jobTitle']).get()) as typeof me;
    } catch (err) {
      throw graphFailure(err, 'read your job title', 'User.Read', 'delegated');
    }
    const id = me.id.toLowerCase();
    const found = new Map<string, DirectoryProfile>();
    if (aadObjectIds.some((asked) => asked.toLowerCase() === id))
      found.set(id, {
        ...(me.mail ? { email: me.mail } : {}),
        ...(me.jobTitle ? { jobTitle: me.jobTitle.slice(0, 200) } : {}),
      });
    return found;
  }
}
