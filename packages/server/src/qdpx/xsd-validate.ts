import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/* Test support: REFI-QDA output checked with xmllint (Debian's libxml2-utils) against Project.xsd. */

const XSD = join(import.meta.dirname, '../../../../../shared/data/qdpx/Project.xsd');

export function xmllintAvailable(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** xmllint's complaints about the XML against Project.xsd; '' when it validates. */
export function validateAgainstXsd(xml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'weft-xsd-'));
  try {
    const file = join(dir, 'project.qde');
    writeFileSync(file, xml);
    try {
      execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
      return '';
    } catch (error) {
      return String((error as { stderr?: Buffer }).stderr ?? error);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The shared data has no Codebook.xsd; the codebook schema's CodeBook, Codes and Sets are the
 * Project schema's types in another namespace, so a .qdc is checked as a project's CodeBook and Sets.
 */
export function qdcAsProject(qdc: string): string {
  const open = '<CodeBook xmlns="urn:QDA-XML:codebook:1.0">';
  const at = qdc.indexOf(open);
  const endCodes = qdc.indexOf('</Codes>') + '</Codes>'.length;
  const end = qdc.lastIndexOf('</CodeBook>');
  return `${qdc.slice(0, at)}<Project xmlns="urn:QDA-XML:project:1.0" name="codebook"><CodeBook>${qdc.slice(at + open.length, endCodes)}</CodeBook>${qdc.slice(endCodes, end)}</Project>\n`;
}
