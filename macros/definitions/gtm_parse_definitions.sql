{#-
    gtm_parse_definitions(loaded, registry)

    Turns validated definitions into the typed structure the generators read:
    `icps` and `personas` (each sorted by priority, then code, with its `criteria`),
    `band_sets`, and `version`, an MD5 hash of everything that affects a score.
    Call it only after gtm_validate_definitions returned no errors.

    Each criterion carries: code, mode, parameter, type, operator, values (list),
    bands (the band dicts a `band` criterion names), min and max (floats or none), falloff (float), weight (float, 0 outside score mode),
    rationale, and id: a number unique to the criterion and the definitions version,
    which keys the stored breakdown rows to int_definitions__criteria.

    Example: gtm_parse_definitions(loaded, registry)['icps'][0]['criteria'][0]['operator']
             ->  'in'
-#}
{% macro gtm_parse_definitions(loaded, registry) %}
    {%- set band_sets = {} -%}
    {%- for band in loaded.bands | sort(attribute='band_code') -%}
        {%- do band_sets.setdefault(band.band_set, []).append({
            'code': band.band_code,
            'label': band.band_label,
            'min': band.min_value | float | int,
            'max': (band.max_value | float | int) if band.max_value is not none else none,
        }) -%}
    {%- endfor -%}

    {%- set criteria_by_owner = {} -%}
    {%- for row in loaded.criteria | sort(attribute='criterion_code') -%}
        {%- set owner_key = row.icp_code ~ ('__' ~ row.persona_code if row.persona_code is not none else '') -%}
        {%- set parameter = registry[row.parameter] -%}
        {%- set values = gtm_split_values(row.value) -%}
        {%- set bands = [] -%}
        {%- if row.operator == 'band' -%}
            {%- for band in band_sets.get(parameter.band_set, []) if band.code in values -%}
                {%- do bands.append(band) -%}
            {%- endfor -%}
        {%- endif -%}
        {%- do criteria_by_owner.setdefault(owner_key, []).append({
            'code': row.criterion_code,
            'mode': row.mode,
            'parameter': row.parameter,
            'type': parameter.type,
            'band_set': parameter.get('band_set'),
            'operator': row.operator,
            'values': values,
            'bands': bands,
            'min': (row.min_value | float) if row.min_value is not none else none,
            'max': (row.max_value | float) if row.max_value is not none else none,
            'falloff': (row.falloff | float) if row.falloff is not none else var('gtm_default_falloff') | float,
            'weight': (row.weight | float) if row.mode == 'score' else 0.0,
            'rationale': row.get('rationale'),
        }) -%}
    {%- endfor -%}

    {%- set icps = [] -%}
    {%- for row in loaded.icps -%}
        {%- do icps.append({
            'kind': 'icp',
            'key': row.icp_code,
            'icp_code': row.icp_code,
            'code': row.icp_code,
            'name': row.icp_name,
            'status': row.status,
            'priority': row.priority | int,
            'criteria': criteria_by_owner.get(row.icp_code, []),
        }) -%}
    {%- endfor -%}

    {%- set personas = [] -%}
    {%- for row in loaded.personas -%}
        {%- set key = row.icp_code ~ '__' ~ row.persona_code -%}
        {%- do personas.append({
            'kind': 'persona',
            'key': key,
            'icp_code': row.icp_code,
            'code': row.persona_code,
            'name': row.persona_name,
            'status': row.status,
            'priority': row.priority | int,
            'criteria': criteria_by_owner.get(key, []),
        }) -%}
    {%- endfor -%}

    {%- set parsed = {
        'icps': icps | sort(attribute='code') | sort(attribute='priority'),
        'personas': personas | sort(attribute='code') | sort(attribute='priority') | sort(attribute='icp_code'),
        'band_sets': band_sets,
    } -%}
    {%- set fingerprint = tojson({'definitions': parsed, 'registry': registry}, sort_keys=true) -%}
    {%- do parsed.update({'version': local_md5(fingerprint)[:12]}) -%}
    {#- Numbered after the hash, which the numbers therefore do not change. They follow
        the order above, so every model compiled from the same definitions gets the same
        id for the same criterion. The id starts with the first seven hex digits of the
        version read as a number, so rows written under other definitions match no
        criterion of these. -#}
    {%- set id_base = (parsed.version[:7] | int(base=16)) * 100000 -%}
    {%- set numbered = [] -%}
    {%- for definition in parsed.icps + parsed.personas -%}
        {%- for criterion in definition.criteria -%}
            {%- do numbered.append(criterion) -%}
            {%- do criterion.update({'id': id_base + numbered | length}) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(parsed) }}
{% endmacro %}
