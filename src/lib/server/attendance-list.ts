import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { formatWorkshopSpan, utcToWallClock } from '../domain/workshop-time';
import { tableToPdf, type PdfTableColumn } from '../export/pdf-table';
import { tableToXlsx } from '../export/xlsx';
import { listAttendance } from './participation';
import { sectorName } from '../process-labels';
import { m } from '../paraglide/messages';
import { getLocale } from '../paraglide/runtime';

/**
 * The attendance list (lista obecności) that projects funded from EU social funds must keep:
 * one row per participant with name, institution, sector and time of joining (Warsaw time),
 * optionally an empty column to sign on paper. The same rows go to PDF and XLSX.
 */
export interface AttendanceWorkshop {
	id: string;
	title: string;
	processTitle: string;
	startsAt: number;
	endsAt: number;
}

async function attendanceTable(db: Kysely<Database>, workshop: AttendanceWorkshop, signature: boolean) {
	const people = await listAttendance(db, workshop.id);
	const headers = [
		m.roster_attendance_col_number(),
		m.roster_attendance_col_name(),
		m.roster_attendance_col_institution(),
		m.roster_attendance_col_sector(),
		m.roster_attendance_col_joined(),
		...(signature ? [m.roster_attendance_col_signature()] : [])
	];
	const rows = people.map((person, index) => [
		`${index + 1}.`,
		person.name,
		person.institution,
		sectorName(person.sector),
		utcToWallClock(person.joinedAt).replace('T', ' '),
		...(signature ? [''] : [])
	]);
	const lines = [
		workshop.title,
		m.roster_attendance_process({ title: workshop.processTitle }),
		m.roster_attendance_date({ when: formatWorkshopSpan(workshop.startsAt, workshop.endsAt, getLocale()) }),
		m.roster_attendance_count({ count: String(people.length) }),
		m.roster_attendance_timezone()
	];
	return { headers, rows, lines };
}

export async function attendanceXlsx(db: Kysely<Database>, workshop: AttendanceWorkshop, signature: boolean) {
	const { headers, rows, lines } = await attendanceTable(db, workshop, signature);
	const preamble = [[m.roster_attendance_title()], ...lines.map((line) => [line]), []];
	// The list's own header row sits below the preamble, so the sheet is not header-frozen.
	return tableToXlsx([{ name: m.roster_attendance_sheet(), rows: [...preamble, headers, ...rows] }]);
}

export async function attendancePdf(db: Kysely<Database>, workshop: AttendanceWorkshop, signature: boolean) {
	const { headers, rows, lines } = await attendanceTable(db, workshop, signature);
	const weights = signature ? [4, 22, 26, 16, 14, 18] : [5, 28, 32, 19, 16];
	const columns: PdfTableColumn[] = headers.map((header, i) => ({ header, width: weights[i], align: i === 0 ? 'right' : 'left' }));
	return tableToPdf({
		title: m.roster_attendance_title(),
		lines,
		columns,
		rows,
		landscape: signature,
		// Room for a handwritten signature.
		minRowHeight: signature ? 28 : undefined,
		footer: (page, pages) => m.roster_attendance_page({ page: String(page), pages: String(pages) })
	});
}

/** An ASCII file name: "lista-obecnosci-2026-11-26.pdf". */
export function attendanceFileName(workshop: AttendanceWorkshop, extension: 'pdf' | 'xlsx'): string {
	return `lista-obecnosci-${utcToWallClock(workshop.startsAt).slice(0, 10)}.${extension}`;
}
