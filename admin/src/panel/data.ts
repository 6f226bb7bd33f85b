// The panel screens' data provider methods: the composition (counts in bands of five) and the
// coordinator's privacy operations on a member (profile, export, consent withdrawal, erasure).
import type { Request } from '../data/request';

export interface PanelCount {
  display: string;
  low: number;
  high: number;
}

export interface Composition {
  total: PanelCount;
  dimensions: {
    key: string;
    label: string;
    labelEn: string;
    cells: { key: string; label: string; labelEn: string; count: PanelCount }[];
  }[];
}

export interface Profile {
  ageBand: string | null;
  educationLevel: string | null;
  countryOfOrigin: string | null;
  countryOfOriginName: string | null;
  lgbtiq: string | null;
}

export interface MemberPrivacy {
  id: string;
  version: number;
  consentGivenOn: string | null;
  consentWithdrawnOn: string | null;
  erasedAt: string | null;
  profile: Profile | null;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  content: string;
}

const COMPOSITION_QUERY = `query PanelComposition {
  panelComposition {
    total { display low high }
    dimensions { key label labelEn cells { key label labelEn count { display low high } } }
  }
}`;

const MEMBER =
  'id version consentGivenOn consentWithdrawnOn erasedAt profile { ageBand educationLevel countryOfOrigin countryOfOriginName lgbtiq }';

export interface PanelMethods {
  getPanelComposition(): Promise<Composition>;
  getPanelMemberPrivacy(id: string): Promise<MemberPrivacy>;
  setPanelMemberProfile(id: string, expectedVersion: number, profile: Record<string, string | null>): Promise<void>;
  exportPanelMember(id: string): Promise<ExportFile>;
  /** Art. 7(3) and art. 17: both name the version read. */
  withdrawPanelConsent(id: string, expectedVersion: number): Promise<void>;
  erasePanelMember(id: string, expectedVersion: number): Promise<void>;
}

export function panelMethods(request: Request): PanelMethods {
  const versioned = (mutation: string) => async (id: string, expectedVersion: number) => {
    await request(
      `mutation ($id: ID!, $expectedVersion: Int!) { ${mutation}(id: $id, expectedVersion: $expectedVersion) { id version } }`,
      { id, expectedVersion },
    );
  };
  return {
    getPanelComposition: async () =>
      (await request<{ panelComposition: Composition }>(COMPOSITION_QUERY)).panelComposition,
    getPanelMemberPrivacy: async (id) =>
      (await request<{ panelMember: MemberPrivacy }>(`query ($id: ID!) { panelMember(id: $id) { ${MEMBER} } }`, { id }))
        .panelMember,
    async setPanelMemberProfile(id, expectedVersion, profile) {
      await request(
        'mutation ($id: ID!, $expectedVersion: Int!, $profile: PanelMemberProfileInput!) { setPanelMemberProfile(id: $id, expectedVersion: $expectedVersion, profile: $profile) { id version } }',
        { id, expectedVersion, profile },
      );
    },
    exportPanelMember: async (id) =>
      (
        await request<{ exportPanelMember: ExportFile }>(
          'mutation ($id: ID!) { exportPanelMember(id: $id) { fileName contentType content } }',
          { id },
        )
      ).exportPanelMember,
    withdrawPanelConsent: versioned('withdrawPanelConsent'),
    erasePanelMember: versioned('erasePanelMember'),
  };
}
