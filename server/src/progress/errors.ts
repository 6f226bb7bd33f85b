// The refusals of the progress workflow, in the project's bilingual error shape.
import type { GraphQLError } from 'graphql';
import type { ProgressUpdateState } from '@welkom/db';
import { badUserInput } from '../crud/errors.js';
import { STEPS, type Step, allowedSteps } from './workflow.js';
import { apiError } from '../api-error.js';

export function stepNotAllowed(step: Step, state: ProgressUpdateState): GraphQLError {
  const allowed = allowedSteps(state);
  const already = state === 'ACCEPTED' ? ' Deze rapportage is al geaccepteerd.' : '';
  return apiError(
    'TRANSITION_NOT_ALLOWED',
    `${STEPS[step].label.split(' | ')[0]} kan niet in de stap ${state}.${already} Toegestaan: ${allowed.join(', ') || 'geen'}.`,
    `${step} is not allowed in state ${state}.${state === 'ACCEPTED' ? ' This update was already accepted.' : ''} Allowed: ${allowed.join(', ') || 'none'}.`,
    { transition: step, state, allowed },
  );
}

/** An existing public code (BAD_USER_INPUT) with its own reason, so the HTTP layer passes it on. */
export function notInRound(): GraphQLError {
  return badUserInput([
    {
      field: 'actionId',
      reason: 'not_in_round',
      message: 'Deze actie hoort niet bij deze voortgangsronde; er is geen verzoek voor.',
      messageEn: 'This action is not part of this progress round; there is no request for it.',
    },
  ]);
}

export function mayNotReport(actionId: string): GraphQLError {
  return apiError(
    'FORBIDDEN',
    'U mag niet rapporteren over deze actie: u bent geen eigenaar en uw organisatie is er niet aan gekoppeld.',
    'You may not report on this action: you are not its owner and your organisation is not linked to it.',
    { reason: 'not_linked', actionId },
  );
}

export function roundClosed(roundId: string): GraphQLError {
  return apiError('TRANSITION_NOT_ALLOWED', 'Deze voortgangsronde is gesloten.', 'This progress round is closed.', {
    reason: 'round_closed',
    roundId,
  });
}
