import { headerParamSpan } from '../../shared/decode/header-param';
import { harBase64, notBase64Note } from './har-base64';
import { harTextBody, loneSurrogateNote } from './har-text-body';

export interface HarParam {
  name: string;
  value?: string;
  fileName?: string;
  contentType?: string;
}

export interface HarPostData {
  mimeType?: string;
  text?: string;
  params?: HarParam[];
  /** HAR 1.2 has only `encoding` on response content; tools (and Hookscope's exporter) write either name here. */
  encoding?: string;
  _encoding?: string;
}

/**
 * The request body a HAR `postData` describes. Its `text` is the body; when a tool wrote only the parsed `params`
 * (HAR allows either), the body is rebuilt from them for the two form types, and anything else is reported: the
 * capture is imported without its body rather than with a made-up one.
 */
export interface HarPostBody {
  body: Buffer;
  /** Each names the postData field it is about. */
  warnings: string[];
  /** The Content-Type to store in place of the one given, when the body was rebuilt under another boundary. */
  contentType: string | null;
}

function base64Body(text: string): HarPostBody {
  const bytes = harBase64(text);
  return bytes === null
    ? { body: Buffer.from(text, 'utf8'), warnings: [`postData.text: ${notBase64Note}`], contentType: null }
    : { body: bytes, warnings: [], contentType: null };
}

export function harPostBody(
  post: HarPostData | undefined,
  contentType: string | null,
  /** Hookscope's own export, unless its entry says the text is in the declared charset: the text's UTF-8 bytes. */
  { textIsUtf8 = false }: { textIsUtf8?: boolean } = {},
): HarPostBody {
  if (!post) return { body: Buffer.alloc(0), warnings: [], contentType: null };
  const type = contentType ?? post.mimeType ?? '';
  if (post.text)
    return (post._encoding ?? post.encoding) === 'base64'
      ? base64Body(post.text)
      : textIsUtf8
        ? { body: Buffer.from(post.text, 'utf8'), warnings: [], contentType: null }
        : textBody(post.text, type);
  const params = post.params ?? [];
  if (params.length === 0) return { body: Buffer.alloc(0), warnings: [], contentType: null };
  const media = type.split(';')[0]!.trim().toLowerCase();
  if (media === 'application/x-www-form-urlencoded')
    return {
      body: Buffer.from(
        params.map((p) => `${formPart(p.name)}=${formPart(p.value ?? '')}`).join('&'),
        'utf8',
      ),
      warnings: [],
      contentType: null,
    };
  const boundary = boundarySpan(type);
  // Browsers' exporters name an uploaded file but leave out its bytes.
  const emptyFile = params.findIndex((p) => p.fileName !== undefined && p.value === undefined);
  if (media === 'multipart/form-data' && boundary && emptyFile >= 0)
    return {
      body: Buffer.alloc(0),
      contentType: null,
      warnings: [
        `postData.params[${emptyFile}]: the file ${JSON.stringify(params[emptyFile]!.fileName)} has no value (its content is not in the file); imported with an empty body`,
      ],
    };
  const boundaryText = boundary?.value;
  if (media === 'multipart/form-data' && boundaryText !== undefined && breaksHeaderLine.test(boundaryText))
    return {
      body: Buffer.alloc(0),
      contentType: null,
      warnings: [
        `postData: the Content-Type boundary ${JSON.stringify(boundaryText)} holds a line break or NUL, which would write headers of its own into every part; imported with an empty body`,
      ],
    };
  if (media === 'multipart/form-data' && boundaryText !== undefined)
    return multipartUnderFreeBoundary(params, type, boundaryText);
  return {
    body: Buffer.alloc(0),
    contentType: null,
    warnings: [
      `postData: only params, no text, and ${media ? `"${media}" without a boundary` : 'no mimeType'} says nothing of how to encode them; imported with an empty body`,
    ],
  };
}

function textBody(text: string, type: string): HarPostBody {
  const { body, contentType, problem, loneSurrogate } = harTextBody(text, type);
  const notes = [
    ...(loneSurrogate ? [loneSurrogateNote] : []),
    ...(problem === null
      ? []
      : [`${problem}; sent as UTF-8, and the Content-Type's charset changed to utf-8`]),
  ];
  return { body, contentType, warnings: notes.length === 0 ? [] : [`postData.text: ${notes.join('; ')}`] };
}

/**
 * A value holding `--boundary` would end its part there and start another on rebuild, so the body is written under a
 * boundary no value holds (as a browser picks one), and the Content-Type is changed to name it.
 */
function multipartUnderFreeBoundary(params: HarParam[], type: string, boundary: string): HarPostBody {
  const holding = (candidate: string) =>
    params.flatMap((p, index) => ((p.value ?? '').includes(`--${candidate}`) ? [index] : []));
  const clashes = holding(boundary);
  if (clashes.length === 0) return { ...multipart(params, boundary), contentType: null };
  let free = 1;
  while (holding(`HookscopeBoundary${free}`).length > 0) free++;
  const chosen = `HookscopeBoundary${free}`;
  const rebuilt = multipart(params, chosen);
  return {
    body: rebuilt.body,
    contentType: withBoundary(type, chosen),
    warnings: [
      `postData.${clashes.map((i) => `params[${i}].value`).join(', ')}: ${clashes.length === 1 ? 'holds' : 'hold'} the boundary ${JSON.stringify(boundary)}, which would end ${clashes.length === 1 ? 'its part' : 'their parts'} and start others; rebuilt under the boundary "${chosen}", and the Content-Type changed to match`,
      ...rebuilt.warnings,
    ],
  };
}

/**
 * A form name or value as the body held it. HAR 1.2 does not say whether params are decoded: Firefox decodes them,
 * Chrome writes them as they were in the body, still percent-encoded. One with a `%XX` in it is taken as encoded
 * already (encoding it again would turn `a%20b` into `a%2520b`); any other is encoded as a browser encodes a form.
 */
function formPart(text: string): string {
  return /%[0-9A-Fa-f]{2}/.test(text) ? text : new URLSearchParams([['', text]]).toString().slice(1);
}

/** The Content-Type's boundary parameter, read parameter by parameter (not one quoted inside another's value). */
const boundarySpan = (type: string) => {
  const span = headerParamSpan(type, (name) => name === 'boundary');
  return span && span.value !== '' ? span : null;
};

/** The Content-Type with its boundary parameter naming `boundary` instead. */
function withBoundary(type: string, boundary: string): string {
  const span = boundarySpan(type)!;
  return `${type.slice(0, span.start)}; boundary=${boundary}${type.slice(span.end)}`;
}

/** A line break would end a part's header line (and could start another); a NUL ends a C reader's string. */
const breaksHeaderLine = /[\r\n\0]/;
const lineSafe = (s: string) => s.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/\0/g, '%00');

/**
 * As a browser encodes a form: names and file names quoted, with `"` and line breaks percent-encoded; a content type
 * is encoded the same way, so no param can write a part header of its own. Each field that needed it is named.
 */
function multipart(params: HarParam[], boundary: string): { body: Buffer; warnings: string[] } {
  const quoted = (s: string) => `"${lineSafe(s).replace(/"/g, '%22')}"`;
  const encoded: string[] = [];
  const parts = params.map((p, index) => {
    for (const field of ['name', 'fileName', 'contentType'] as const) {
      if (breaksHeaderLine.test(p[field] ?? '')) encoded.push(`params[${index}].${field}`);
    }
    const file = p.fileName !== undefined ? `; filename=${quoted(p.fileName)}` : '';
    const type = p.contentType ? `\r\nContent-Type: ${lineSafe(p.contentType)}` : '';
    return `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(p.name)}${file}${type}\r\n\r\n${p.value ?? ''}\r\n`;
  });
  const warnings =
    encoded.length === 0
      ? []
      : [
          `postData.${encoded.join(', ')}: ${encoded.length === 1 ? 'holds' : 'hold'} a line break or NUL, which would start a part header of its own; written percent-encoded (%0D, %0A, %00)`,
        ];
  return { body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`, 'utf8'), warnings };
}
