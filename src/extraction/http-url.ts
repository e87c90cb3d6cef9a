import { z } from 'zod';

/**
 * A document's link: http(s) only. The widget and any other client turn it into a link, so a
 * `javascript:` or `data:` URL in the input is refused where it enters, with the file and line.
 */
export const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
