import { expect } from '@open-wc/testing';
import { classifyMessage, modelViewForTriage } from './index.js';
import { emergencyVerdict, featureSet } from './model.js';

describe('triage model (backs up the rules on unseen wording)', () => {
  it('reads paraphrased emergencies the lexicons never listed', () => {
    // Wording chosen to avoid the lexicons' phrases; what matters to the patient is the level.
    for (const text of [
      'my wife collapsed in the kitchen and her lips are turning a bluish colour, she is not answering me',
      'se desplomo mi esposo en la cocina, tiene los labios morados y no me contesta',
    ]) {
      expect(classifyMessage(text, { locale: text.startsWith('se') ? 'es' : 'en' }).level, text).to.equal('emergency');
    }
  });

  it('never reads negated symptoms, history or hypotheticals as evidence', () => {
    const view = modelViewForTriage('No chest pain or shortness of breath today. My father had a heart attack in 2010.').text;
    expect(view).not.to.match(/chest|breath|heart|attack/);
    for (const text of [
      'I do not have chest pain and no trouble breathing, just need my refill',
      'no tengo dolor de pecho ni me falta el aire, solo necesito mi receta',
      'how do I know if I am having a stroke? asking for a school project',
    ]) {
      expect(emergencyVerdict(modelViewForTriage(text).text).emergency, text).to.equal(false);
    }
  });

  it('keeps offsets so its reason quotes the patient’s own words', () => {
    const text = 'Hi, quick question about my bill. Also my husband is slumped over and I cannot wake him up!';
    const view = modelViewForTriage(text).text;
    expect(view.length).to.equal(text.length);
    const result = classifyMessage(text, { locale: 'en' });
    expect(result.level).to.equal('emergency');
    for (const reason of result.reasons) expect(text).to.include(reason.match);
  });

  it('is deterministic and ignores exact numbers (an age or a count is not evidence)', () => {
    expect(featureSet('bp 210 over 120')).to.deep.equal(featureSet('bp 190 over 130'));
    const a = emergencyVerdict(modelViewForTriage('he is limp and grey and will not wake up').text);
    const b = emergencyVerdict(modelViewForTriage('he is limp and grey and will not wake up').text);
    expect(a).to.deep.equal(b);
  });
});
