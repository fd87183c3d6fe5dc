#!/usr/bin/env python3
"""Generates src/Runway/Models/Generated/*.g.cs from the SDK's own declarations (tests/conformance/node_modules/
@runwayml/sdk/resources/*.d.ts, installed by `npm ci` in tests/conformance): every model of every create endpoint
whose declaration has one interface per model. Types and required-ness come from the interfaces; ranges, lengths,
counts and defaults from the declarations' own sentences; nothing else is added. sdk_declarations.py beside it reads
the declarations; this script writes the C# from what it read.

  python3 src/tools/sdk-fields.py            rewrites the generated files
  python3 src/tools/sdk-fields.py --check    exits 1 naming every generated file that differs (CI: tests/Generated.Tests.ps1)
"""
import argparse, os, re, sys

sys.dont_write_bytecode = True  # no __pycache__ in src/tools: the recipe check counts every new file of its scratch copy
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # the reader beside this script, from any cwd
from sdk_declarations import parse, declared  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
DECLARATIONS = os.path.join(ROOT, 'tests', 'conformance', 'node_modules', '@runwayml', 'sdk', 'resources')
OUTPUT = os.path.join(ROOT, 'src', 'Runway', 'Models', 'Generated')
COMMAND = 'python3 src/tools/sdk-fields.py'

ENDPOINTS = {'image_to_video': 'ImageToVideo', 'text_to_video': 'TextToVideo', 'video_to_video': 'VideoToVideo',
             'text_to_image': 'TextToImage', 'text_to_speech': 'TextToSpeech', 'speech_to_speech': 'SpeechToSpeech',
             'sound_effect': 'SoundEffect'}
# One PowerShell name per meaning, whatever the model; fields not listed here are -Option keys (their JSON name).
PARAMETERS = {'promptText': 'Prompt', 'ratio': 'Ratio', 'duration': 'Duration', 'seed': 'Seed', 'audio': 'Audio',
              'contentModeration': 'PublicFigureThreshold', 'promptImage': 'Image', 'promptVideo': 'Video',
              'videoUri': 'Video', 'references': 'ReferenceImage', 'referenceImages': 'ReferenceImage',
              'referenceAudio': 'ReferenceAudio', 'referenceAudios': 'ReferenceAudio', 'referenceVideos': 'ReferenceVideo',
              'negativePrompt': 'NegativePrompt', 'resolution': 'Resolution', 'outputFormat': 'OutputFormat',
              'proresProfile': 'ProResProfile', 'outputCount': 'OutputCount', 'quality': 'Quality',
              'background': 'Background', 'keyframes': 'Keyframe', 'voice': 'Voice', 'media': 'Audio',
              'removeBackgroundNoise': 'RemoveBackgroundNoise', 'loop': 'Loop'}
WORDS = {'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5}

def cs(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'

def num(s):
    return float(s.replace(',', ''))

def literals(t):
    parts = [p.strip() for p in t.split('|')]
    if all(re.fullmatch(r"'[^']*'", p) for p in parts):
        return [p[1:-1] for p in parts], False
    if all(re.fullmatch(r'-?\d+(\.\d+)?', p) for p in parts):
        return parts, True
    return None, False

def rule(model, endpoint, name, t, req, note, nested):
    props = {'Json': cs(name), 'Required': 'true' if req else None}
    param = PARAMETERS.get(name)
    if name == 'promptText' and endpoint == 'text_to_speech':
        param = 'Text'
    if param:
        props['Parameter'] = cs(param)
    sub = None
    m = re.search(r'<([\w.]+)>', t) or re.fullmatch(r'([\w.]+)', t)
    if m:
        sub = nested.get(m.group(1))
    vals, numeric = literals(t)
    if name == 'contentModeration':
        kind = 'ContentModeration'
        props['Values'] = 'new[] { "auto", "low" }'
    elif name == 'promptImage':
        kind = 'PromptImage'
        if sub is None:  # Array<unknown>: keyframes (first/last) or references (no position), per the sentence
            props['Positions'] = 'new[] { "first", "last" }'
            props['PositionOptional'] = 'true'
        else:
            pm = re.search(r"position(\??): `([^`]*)`", sub)
            pos, _ = literals(pm.group(2))
            props['Positions'] = 'new[] { ' + ', '.join(cs(p) for p in pos) + ' }'
            if pm.group(1):
                props['PositionOptional'] = 'true'
        side = re.search(r'at least (\d+) pixels on both sides', note)
        if side:
            props['MinSidePixels'] = side.group(1)
    elif name == 'keyframes':
        kind = 'Keyframes'
        props['MaxItems'] = '5'
    elif name == 'voice':
        kind = 'Voice'
        props['ItemType'] = cs('reference-audio' if 'reference-audio' in (sub or '') else 'runway-preset')
    elif name == 'media':
        kind = 'SpeechMedia'
        # New-RunwaySpeech takes the media as -Audio or -Video (the media object's type follows the parameter).
        props['AlsoParameters'] = 'new[] { "Video" }'
    elif vals is not None:
        kind = 'Choice'
        props['Values'] = 'new[] { ' + ', '.join(cs(v) for v in vals) + ' }'
        if numeric:
            props['NumericValues'] = 'true'
        dep = re.findall(r'`(\w+)` - Deprecated', note)
        if dep:
            props['Deprecated'] = 'new[] { ' + ', '.join(cs(d) for d in dep) + ' }'
    elif t.startswith("'") and '(string & {})' in t:
        kind = 'Choice'
        vals = re.findall(r"'([^']*)'", t)
        props['Values'] = 'new[] { ' + ', '.join(cs(v) for v in vals) + ' }'
        m2 = re.search(r'between (\d+) and (\d+) pixels', note)
        props['FreeformMinPixels'] = m2.group(1)
        props['FreeformMaxPixels'] = m2.group(2)
    elif t in ('number', "number | 'auto'", "'auto' | number"):
        kind = 'Number' if t == 'number' else 'NumberOrAuto'
        rng = (re.search(r'integer from (\d+) to (\d+)', note) or re.search(r'whole number from (\d+) to (\d+)', note))
        if rng:
            props['Integer'] = 'true'
        rng = rng or re.search(r'between (\d+(?:\.\d+)?) and (\d+(?:\.\d+)?)', note) or re.search(r'\(([\d.]+)[–-]([\d.]+)\)', note)
        if rng:
            props['Min'], props['Max'] = rng.group(1), rng.group(2)
            if name in ('outputCount', 'seed'):
                props['Integer'] = 'true'
        if name == 'seed':
            # The range is stated only for eleven_v3; the reference's 0–4294967295 holds for the others (see notes).
            props['Min'], props['Max'], props['Integer'] = '0', '4294967295', 'true'
        if name == 'outputCount':
            props['Integer'] = 'true'
            props.setdefault('Min', '1')
        if name == 'duration' and 'Min' not in props:
            props['Min'] = '0'
            props['MinExclusive'] = 'true'
        d = re.search(r'Defaults to (\d+(\.\d+)?)\.', note)
        if d:
            props['Default'] = cs(d.group(1))
    elif t == 'boolean':
        kind = 'Boolean'
    elif t == 'string' and note.startswith('media:'):
        kind = 'Media'
        props['Media'] = 'MediaKind.' + note.split()[1].capitalize()
    elif t == 'string':
        kind = 'Text'
        if name in ('promptText',) or 'non-empty' in note.lower() or 'A non-empty' in note:
            if 'non-empty' in note:
                props['MinLength'] = '1'
        ml = re.search(r'up to ([\d,]+) characters', note)
        if ml:
            props['MaxLength'] = str(int(num(ml.group(1))))
    elif t.startswith('Array<'):
        kind = 'MediaList'
        if t == 'Array<string>':
            props['Media'] = 'MediaKind.Audio'
            props['PlainItems'] = 'true'
        else:
            mk = re.search(r'media: (\w+)', sub)
            props['Media'] = 'MediaKind.' + mk.group(1).capitalize()
            ty = re.search(r"type: `'(\w+)'`", sub)
            if ty:
                props['ItemType'] = cs(ty.group(1))
            if 'tag?:' in sub:
                props['Tags'] = 'true'
            if 'subject?:' in sub:
                props['Subjects'] = 'true'
        low = note.lower()
        mi = re.search(r'up to (\d+|one|two|three|four|five)\b', low)
        if mi:
            props['MaxItems'] = str(WORDS.get(mi.group(1)) or int(mi.group(1)))
        mo = re.search(r'of (one|two|three) to (\w+) images', low)
        if mo:
            props['MinItems'] = str(WORDS[mo.group(1)])
            props['MaxItems'] = str(WORDS[mo.group(2)])
        tot = re.search(r'(?:combined duration|total combined duration)[^.]*?(?:exceed|less than) (\d+) seconds', note)
        if tot:
            props['MaxTotalSeconds'] = tot.group(1)
            if 'less than' in note[tot.start():tot.end()]:
                props['TotalSecondsExclusive'] = 'true'
        each = re.search(r'each clip must be between (\d+) and (\d+) seconds', note)
        if each:
            props['MinItemSeconds'], props['MaxItemSeconds'] = each.group(1), each.group(2)
        if 'No two images may share the same tag' in note:
            props['UniqueTags'] = 'true'
    else:
        raise SystemExit(f'unhandled type {t} for {model}/{name}')
    props['Kind'] = 'FieldKind.' + kind
    short = re.sub(r'\s+', ' ', note).strip()
    if short and not short.startswith('media:') and not short.startswith('random when'):
        props['Note'] = cs(short)
    order = ['Json', 'Parameter', 'AlsoParameters', 'Kind', 'Required', 'Values', 'NumericValues', 'Deprecated', 'Integer', 'Min', 'MinExclusive', 'Max',
             'MinLength', 'MaxLength', 'Media', 'ItemType', 'PlainItems', 'Tags', 'UniqueTags', 'Subjects', 'MinItems', 'MaxItems',
             'MaxTotalSeconds', 'TotalSecondsExclusive', 'MinItemSeconds', 'MaxItemSeconds', 'Positions', 'PositionOptional',
             'FreeformMinPixels', 'FreeformMaxPixels', 'MinSidePixels', 'Default', 'Note']
    body = ', '.join(f'{k} = {props[k]}' for k in order if props.get(k) is not None)
    return f'new FieldRule {{ {body} }}'


def declarations(folder):
    """Declarations.g.cs: the models and literal values of the endpoints the module builds by hand."""
    pairs, rows = declared(folder)
    out = [f'// <auto-generated> by {COMMAND} from the SDK declarations (tests/conformance/node_modules/@runwayml/sdk/resources): do not edit by hand.',
           'namespace Runway.Models', '{',
           '    /// <summary>What the SDK declarations state for the create endpoints outside <see cref="GenerationFields"/>: their models and literal values.</summary>',
           '    internal static partial class Declarations', '    {',
           '        /// <summary>Every (endpoint, model) pair of those declarations, in declaration order (recipes declare no model).</summary>',
           '        public static readonly (string Endpoint, string Model)[] Models =', '        {']
    out += [f'            ({cs(e)}, {cs(m)}),' for e, m in pairs]
    out += ['        };', '',
            '        /// <summary>Each field with literal values (nested fields as parent.child); Model is "" when the body has none.</summary>',
            '        public static readonly (string Endpoint, string Model, string Field, string[] Values)[] Values =', '        {']
    out += [f'            ({cs(e)}, {cs(m)}, {cs(p)}, new[] {{ {", ".join(cs(v) for v in vals)} }}),' for e, m, p, vals in rows]
    out += ['        };', '    }', '}', '']
    return '\n'.join(out)


def generated(folder):
    models = parse(folder)
    out = [f'// <auto-generated> by {COMMAND} from the SDK declarations (tests/conformance/node_modules/@runwayml/sdk/resources): do not edit by hand.',
           'namespace Runway.Models', '{',
           '    /// <summary>Every field each model takes on each endpoint, as the SDK declarations state it.</summary>',
           '    internal static partial class GenerationFields', '    {',
           '        public static readonly (string Model, string Endpoint, FieldRule[] Fields)[] Rows =', '        {']
    for m in models:
        out.append(f'            ({cs(m["model"])}, Endpoints.{ENDPOINTS[m["endpoint"]]}, new[]')
        out.append('            {')
        for r in m['rows']:
            out.append('                ' + rule(m['model'], m['endpoint'], *r, m['nested']) + ',')
        out.append('            }),')
    out += ['        };', '    }', '}', '']
    return {'GenerationFields.g.cs': '\n'.join(out), 'Declarations.g.cs': declarations(folder)}


def main():
    parser = argparse.ArgumentParser(description='Generates the field tables from the SDK declarations.')
    parser.add_argument('--check', action='store_true', help='compare instead of writing; exit 1 when a file differs')
    parser.add_argument('--declarations', help='another folder of SDK declarations (default: the installed SDK\'s resources)')
    args = parser.parse_args()
    folder = os.path.abspath(args.declarations) if args.declarations else DECLARATIONS
    if not os.path.isdir(folder):
        raise SystemExit(f'No SDK declarations at {folder}: run `npm ci` in tests/conformance first.')
    files = generated(folder)
    stale = []
    for name, text in files.items():
        path = os.path.join(OUTPUT, name)
        current = open(path, encoding='utf-8', newline='').read() if os.path.exists(path) else None
        if current == text:
            continue
        stale.append(os.path.relpath(path, ROOT).replace(os.sep, '/'))
        if not args.check:
            os.makedirs(OUTPUT, exist_ok=True)
            with open(path, 'w', encoding='utf-8', newline='') as f:
                f.write(text)
    known = set(files)
    extra = [n for n in (os.listdir(OUTPUT) if os.path.isdir(OUTPUT) else []) if n.endswith('.g.cs') and n not in known]
    if args.check:
        for name in extra:
            stale.append(f'src/Runway/Models/Generated/{name} (no longer generated)')
        if stale:
            print('Stale generated code: ' + ', '.join(stale) + f'. Run `{COMMAND}` and commit the result.')
            sys.exit(1)
        print(f'{len(files)} generated file(s) up to date.')
    else:
        for name in extra:
            os.remove(os.path.join(OUTPUT, name))
        print(f'{len(files)} generated file(s); rewritten: {", ".join(stale) or "none"}.')


if __name__ == '__main__':
    main()