import type { ConsultationReport } from '../domain/consultation/report';
import { reportLabels } from '../domain/consultation/report-table';
import { renderConsultationReportDocx } from './consultation-report-docx';
import { renderConsultationReportPdf } from './consultation-report-pdf';
import { renderConsultationReportXlsx } from './consultation-report-xlsx';
import { PDF_MIME } from './pdf-table';
import { safeExportFileName } from './safe-file-name';
import { XLSX_MIME } from './xlsx';

const FORMATS = {
	docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderConsultationReportDocx },
	pdf: { contentType: PDF_MIME, render: renderConsultationReportPdf },
	xlsx: { contentType: XLSX_MIME, render: async (report: ConsultationReport) => renderConsultationReportXlsx(report) }
} satisfies Record<string, { contentType: string; render: (report: ConsultationReport) => Promise<Uint8Array> }>;

export type ConsultationReportFormat = keyof typeof FORMATS;
export const CONSULTATION_REPORT_FORMATS = Object.keys(FORMATS) as ConsultationReportFormat[];

export function isConsultationReportFormat(value: string): value is ConsultationReportFormat {
	return Object.hasOwn(FORMATS, value);
}

export interface ConsultationReportFile {
	bytes: Uint8Array;
	contentType: string;
	/** "raport-z-konsultacji-<round>-v<version>[-anonim].<ext>", folded safely (no path characters). */
	fileName: string;
}

export async function renderConsultationReport(report: ConsultationReport, format: ConsultationReportFormat): Promise<ConsultationReportFile> {
	const { contentType, render } = FORMATS[format];
	const labels = reportLabels(report);
	const base = `${labels.fileName} ${report.roundTitle}`.slice(0, 70) + (report.anonymised ? ' anonim' : '');
	return { bytes: await render(report), contentType, fileName: safeExportFileName(base, report.versionNumber, format) };
}
