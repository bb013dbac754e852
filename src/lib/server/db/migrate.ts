import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from '../../../../migrations/0001-initial';
import * as restorePoints from '../../../../migrations/0002-restore-points';
import * as processInstitutions from '../../../../migrations/0003-process-institutions';
import * as workshopAgenda from '../../../../migrations/0004-workshop-agenda';
import * as boardLocks from '../../../../migrations/0005-board-locks';
import * as privateBrainstorm from '../../../../migrations/0006-private-brainstorm';
import * as workshopVotes from '../../../../migrations/0007-workshop-votes';
import * as participantGender from '../../../../migrations/0008-participant-gender';
import * as workshopFollow from '../../../../migrations/0009-workshop-follow';
import * as draftVersions from '../../../../migrations/0010-draft-versions';
import * as draftTexts from '../../../../migrations/0011-draft-texts';
import * as processLanguage from '../../../../migrations/0012-process-language';
import * as consultations from '../../../../migrations/0013-consultations';

// A static map, so bundled builds find every migration without reading a folder at run time.
const migrations: Record<string, Migration> = {
	'0001-initial': initial,
	'0002-restore-points': restorePoints,
	'0003-process-institutions': processInstitutions,
	'0004-workshop-agenda': workshopAgenda,
	'0005-board-locks': boardLocks,
	'0006-private-brainstorm': privateBrainstorm,
	'0007-workshop-votes': workshopVotes,
	'0008-participant-gender': participantGender,
	'0009-workshop-follow': workshopFollow,
	'0010-draft-versions': draftVersions,
	'0011-draft-texts': draftTexts,
	'0012-process-language': processLanguage,
	'0013-consultations': consultations
};

const provider: MigrationProvider = {
	async getMigrations() {
		return migrations;
	}
};

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
	const migrator = new Migrator({ db, provider });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error) throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
