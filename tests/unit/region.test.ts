import { describe, expect, it } from 'vitest';
import {
  assertInRegion,
  assertNational,
  assertProvinceInRegion,
  auditEntryInRegion,
  inRegion,
  organisationVisible,
  regionOf,
  withinRegion,
} from '#http/region';

const national = { role: 'admin' as const, organisationId: 'vivo' };
const limburg = { role: 'admin' as const, provinces: ['limburg' as const], organisationId: 'regio' };

describe("a sector team's region", () => {
  it('is the whole sector for the national team, schools and services; the provinces for a regional team', () => {
    expect(regionOf(national)).toBeNull();
    expect(regionOf({ role: 'admin', provinces: [] })).toBeNull();
    expect(regionOf({ role: 'service', provinces: ['limburg'] })).toBeNull();
    expect(regionOf(limburg)).toEqual(['limburg']);
  });

  it('lets a regional team reach its provinces only, with 403 for another', () => {
    const region = regionOf(limburg);
    expect(inRegion(region, 'limburg')).toBe(true);
    expect(inRegion(region, 'antwerpen')).toBe(false);
    expect(inRegion(region, undefined)).toBe(false);
    expect(inRegion(null, 'antwerpen')).toBe(true);
    expect(withinRegion(region, ['limburg', 'antwerpen', 'limburg'], (p) => p)).toEqual([
      'limburg',
      'limburg',
    ]);
    expect(() => assertInRegion(region, 'antwerpen')).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => assertInRegion(region, 'limburg')).not.toThrow();
    expect(() => assertProvinceInRegion(region, undefined)).not.toThrow();
    expect(() => assertProvinceInRegion(region, 'brussel')).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => assertNational(limburg)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => assertNational(national)).not.toThrow();
  });

  it('sees the services of its provinces, the schools with students there and its own team', () => {
    const schools = new Set(['school-a']);
    const visible = (o: { id: string; type: string; province?: string }) =>
      organisationVisible(limburg, o, schools);
    expect(visible({ id: 's1', type: 'service', province: 'limburg' })).toBe(true);
    expect(visible({ id: 's2', type: 'service', province: 'antwerpen' })).toBe(false);
    expect(visible({ id: 'school-a', type: 'school' })).toBe(true);
    expect(visible({ id: 'school-b', type: 'school' })).toBe(false);
    expect(visible({ id: 'regio', type: 'admin' })).toBe(true);
    expect(visible({ id: 'vivo', type: 'admin' })).toBe(false);
    expect(organisationVisible(national, { id: 's2', type: 'service', province: 'antwerpen' }, null)).toBe(
      true,
    );
  });

  it("keeps audit entries of its provinces and its own team's, not the rest", () => {
    const region = regionOf(limburg);
    const entry = (organisationId: string, provinces?: ('limburg' | 'antwerpen')[]) => ({
      actor: { organisationId },
      subject: { provinces },
    });
    expect(auditEntryInRegion(region, 'regio', entry('vivo', ['limburg']))).toBe(true);
    expect(auditEntryInRegion(region, 'regio', entry('vivo', ['antwerpen']))).toBe(false);
    expect(auditEntryInRegion(region, 'regio', entry('vivo'))).toBe(false);
    expect(auditEntryInRegion(region, 'regio', entry('regio'))).toBe(true);
    expect(auditEntryInRegion(null, 'vivo', entry('x', ['antwerpen']))).toBe(true);
  });
});
