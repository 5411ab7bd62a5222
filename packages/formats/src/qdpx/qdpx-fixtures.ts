import { zipSync } from 'fflate';

/*
 * Small REFI-QDA files written for tests, for the traps the shared files lack: a lower-case
 * `sources/` folder, a .qde named after the project, a BOM, Windows line breaks counted as one
 * character (ATLAS.ti), and the malformed inputs an importer must refuse.
 */

const enc = new TextEncoder();
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

export const FIXTURE_GUIDS = {
  user: '11111111-1111-4111-8111-111111111111',
  code: '22222222-2222-4222-8222-222222222222',
  child: '22222222-2222-4222-8222-222222222223',
  source: '33333333-3333-4333-8333-333333333333',
  text: '44444444-4444-4444-8444-444444444444',
} as const;

/** Three CRLF lines; "second line" starts at JS index 12 but at position 11 counting CRLF as one. */
export const CRLF_TEXT = 'First line\r\nsecond line\r\nthird line here\r\n';

function selection(guid: string, start: number, end: number, name: string, codeGuid: string): string {
  return `<PlainTextSelection guid="${guid}" name="${name}" startPosition="${start}" endPosition="${end}" creatingUser="${FIXTURE_GUIDS.user}" creationDateTime="2024-01-02T03:04:05Z">
        <Coding guid="${guid.slice(0, -1)}9" creatingUser="${FIXTURE_GUIDS.user}" creationDateTime="2024-01-02T03:04:05Z"><CodeRef targetGUID="${codeGuid}"/></Coding>
      </PlainTextSelection>`;
}

export function fixtureQde(options: {
  origin: string;
  plainTextPath: string;
  selections: { start: number; end: number; name: string }[];
  codeGuid?: string;
}): string {
  const sels = options.selections
    .map((s, i) =>
      selection(
        `55555555-5555-4555-8555-55555555555${i}`,
        s.start,
        s.end,
        s.name,
        options.codeGuid ?? FIXTURE_GUIDS.child,
      ),
    )
    .join('\n      ');
  return `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Fixture project" origin="${options.origin}">
  <Users><User guid="${FIXTURE_GUIDS.user}" name="Ada Coder"/></Users>
  <CodeBook><Codes>
    <Code guid="${FIXTURE_GUIDS.code}" name="Lines" isCodable="true" color="#00f">
      <Description>Parent code</Description>
      <Code guid="${FIXTURE_GUIDS.child}" name="Second" isCodable="true" color="#1c7ed6"/>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="${FIXTURE_GUIDS.source}" name="Interview 1" plainTextPath="${options.plainTextPath}">
      ${sels}
    </TextSource>
  </Sources>
  <Sets><Set guid="66666666-6666-4666-8666-666666666666" name="Coded"><MemberCode targetGUID="${FIXTURE_GUIDS.child}"/></Set></Sets>
</Project>
`;
}

function withBom(text: string): Uint8Array {
  const body = enc.encode(text);
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM);
  out.set(body, BOM.length);
  return out;
}

/** ATLAS.ti style: "My Study.qde", lower-case sources/, BOM, CRLF counted as one. */
export function atlasStyleQdpx(): Uint8Array {
  const qde = fixtureQde({
    origin: 'ATLAS.ti 9.1.3',
    plainTextPath: `internal://${FIXTURE_GUIDS.text}.txt`,
    // Positions counting CRLF as one: "second line" is 11..22, "third line" 23..33.
    selections: [
      { start: 11, end: 22, name: 'second line' },
      { start: 23, end: 33, name: 'third line' },
    ],
  });
  return zipSync({
    'My Study.qde': enc.encode(qde),
    [`sources/${FIXTURE_GUIDS.text}.txt`]: withBom(CRLF_TEXT),
  });
}

/** NVivo style: project.qde, Sources/, BOM, CRLF counted as two (JavaScript indices), unnamed selections. */
export function nvivoStyleQdpx(): Uint8Array {
  const qde = fixtureQde({
    origin: 'NVivo for Windows 14',
    plainTextPath: `internal://${FIXTURE_GUIDS.text}.txt`,
    selections: [
      { start: 12, end: 23, name: '' },
      { start: 25, end: 35, name: '' },
    ],
  });
  return zipSync({
    'project.qde': enc.encode(qde),
    [`Sources/${FIXTURE_GUIDS.text}.txt`]: withBom(CRLF_TEXT),
  });
}

export const MALFORMED = {
  notZip: () => enc.encode('%PDF-1.4 this is not a REFI-QDA file'),
  zipWithoutQde: () => zipSync({ 'sources/a.txt': enc.encode('hello'), 'readme.md': enc.encode('# hi') }),
  invalidXml: () =>
    zipSync({
      'project.qde': enc.encode(
        '<?xml version="1.0"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="x">\n  <Users>\n    <User guid="a" name="b">\n  </Users>\n</Project>\n',
      ),
    }),
  selectionBeyondEnd: () =>
    zipSync({
      'project.qde': enc.encode(
        fixtureQde({
          origin: 'NVivo',
          plainTextPath: `internal://${FIXTURE_GUIDS.text}.txt`,
          selections: [{ start: 30, end: 500, name: '' }],
        }),
      ),
      [`sources/${FIXTURE_GUIDS.text}.txt`]: enc.encode(CRLF_TEXT),
    }),
  unknownCode: () =>
    zipSync({
      'project.qde': enc.encode(
        fixtureQde({
          origin: 'NVivo',
          plainTextPath: `internal://${FIXTURE_GUIDS.text}.txt`,
          selections: [{ start: 0, end: 5, name: '' }],
          codeGuid: '99999999-9999-4999-8999-999999999999',
        }),
      ),
      [`sources/${FIXTURE_GUIDS.text}.txt`]: enc.encode(CRLF_TEXT),
    }),
};

/** Cases with typed variables on cases and a source, one value that does not read as its type, a note on a code. */
export function casesQdpx(): Uint8Array {
  const G = FIXTURE_GUIDS;
  const v = (n: number) => `77777777-7777-4777-8777-77777777777${n}`;
  const value = (variable: number, tag: string, text: string) =>
    `<VariableValue><VariableRef targetGUID="${v(variable)}"/><${tag}>${text}</${tag}></VariableValue>`;
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Cases fixture" origin="MAXQDA 2022">
  <Users><User guid="${G.user}" name="Ada Coder"/></Users>
  <CodeBook><Codes>
    <Code guid="${G.code}" name="Lines" isCodable="true"><NoteRef targetGUID="88888888-8888-4888-8888-888888888888"/></Code>
  </Codes></CodeBook>
  <Variables>
    <Variable guid="${v(1)}" name="Gender" typeOfVariable="Text"/>
    <Variable guid="${v(2)}" name="Age" typeOfVariable="Integer"/>
    <Variable guid="${v(3)}" name="Interviewed" typeOfVariable="DateTime"/>
    <Variable guid="${v(4)}" name="Consent" typeOfVariable="Boolean"/>
  </Variables>
  <Cases>
    <Case guid="99999999-0000-4000-8000-000000000001" name="Ada">
      <Description>First participant</Description>
      ${value(1, 'TextValue', 'female')}${value(2, 'IntegerValue', '34')}${value(3, 'DateTimeValue', '2024-01-02T10:00:00Z')}
      <SourceRef targetGUID="${G.source}"/>
    </Case>
    <Case guid="99999999-0000-4000-8000-000000000002" name="Bo">
      ${value(1, 'TextValue', 'male')}${value(2, 'IntegerValue', 'forty')}
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="${G.source}" name="Interview 1" plainTextPath="internal://${G.text}.txt">
      <PlainTextSelection guid="55555555-5555-4555-8555-555555555550" name="second line" startPosition="12" endPosition="23">
        <Coding guid="55555555-5555-4555-8555-555555555559"><CodeRef targetGUID="${G.code}"/></Coding>
      </PlainTextSelection>
      ${value(4, 'BooleanValue', 'true')}
    </TextSource>
  </Sources>
  <Notes>
    <Note guid="88888888-8888-4888-8888-888888888888" name="About lines"><PlainTextContent>Lines mark turns.</PlainTextContent></Note>
  </Notes>
</Project>
`;
  return zipSync({ 'project.qde': enc.encode(qde), [`sources/${G.text}.txt`]: enc.encode(CRLF_TEXT) });
}
