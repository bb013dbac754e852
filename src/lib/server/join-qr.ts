import QRCode from 'qrcode';

/**
 * The join link as a QR code, in a data: URL for an <img>: the page never injects markup, and
 * the Content-Security-Policy already allows data: images. SVG stays sharp on any projector.
 */
export async function joinLinkQrDataUrl(link: string): Promise<string> {
	const svg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** Links are built on the configured public origin; without one, on the origin the request came to. */
export function workshopLinks(origin: string, workshop: { join_token: string | null; observer_token: string | null }) {
	return {
		joinLink: workshop.join_token ? `${origin}/j/${workshop.join_token}` : null,
		observerLink: workshop.observer_token ? `${origin}/o/${workshop.observer_token}` : null
	};
}
