{#-
    gtm_definitions(log_summary=false, validate=true)

    The definitions compiler's entry point: load -> validate -> parse. Raises one
    compiler error listing every problem when the definitions are invalid, so no scoring
    model runs on a bad definition. Returns the structure of gtm_parse_definitions plus
    `title_patterns`: the word keys and role signatures of every title pattern (exact,
    wildcard and semantic values), which the scoring macros take instead of classifying
    the patterns a second time.

    Arguments:
        log_summary: log one line with the counts and the version (the model that
            validates the definitions sets it, so the line appears once per run).
        validate: false skips the validation and the classification of the title
            patterns (`title_patterns` is then none, so the scoring macros would
            classify the patterns themselves). Models that read only the
            version or the criteria's own fields pass it: they depend on
            int_definitions__validated, which validates, and dbt skips them when it
            fails. Classifying the patterns takes most of a compile's time.

    Example: gtm_definitions()['version']  ->  '3f2a9c01b7de'
-#}
{% macro gtm_definitions(log_summary=false, validate=true) %}
    {%- set loaded = gtm_load_definitions() -%}
    {%- set registry = gtm_parameter_registry() -%}
    {%- set title_patterns = none -%}
    {%- if validate -%}
        {%- set stopwords = [] -%}
        {%- for phrase_key, replacement_key in gtm_title_replacements() if replacement_key == '' and phrase_key.count('|') == 2 -%}
            {%- do stopwords.append(phrase_key.strip('|')) -%}
        {%- endfor -%}
        {%- set pattern_criteria = [] -%}
        {%- for criterion in loaded.criteria if criterion.operator in ['exact', 'wildcard', 'semantic'] -%}
            {%- do pattern_criteria.append({'operator': criterion.operator, 'values': gtm_split_values(criterion.value)}) -%}
        {%- endfor -%}
        {%- set title_patterns = gtm_title_patterns({'icps': [{'criteria': pattern_criteria}], 'personas': []}) -%}
        {%- set errors = gtm_validate_definitions(loaded, registry, stopwords, title_patterns.signatures) -%}
        {%- do gtm_raise_problems(
            'ICP and Persona definitions',
            'Fix them in seeds/definitions/ (or the parameter registry vars in dbt_project.yml), then run dbt again.',
            errors
        ) -%}
    {%- endif -%}

    {%- set parsed = gtm_parse_definitions(loaded, registry) -%}
    {%- do parsed.update({'title_patterns': title_patterns}) -%}
    {%- if log_summary and execute -%}
        {%- set criteria_count = (parsed.icps + parsed.personas) | map(attribute='criteria') | map('length') | sum -%}
        {{ log("gtm_targeting: compiled " ~ parsed.icps | length ~ " ICPs, " ~ parsed.personas | length ~ " Personas, " ~ criteria_count ~ " criteria, definitions version " ~ parsed.version, info=true) }}
        {%- for definition in parsed.icps + parsed.personas if definition.status == 'live' and definition.criteria | length == 0 -%}
            {%- do exceptions.warn(
                (definition.kind | upper if definition.kind == 'icp' else 'Persona') ~ " '" ~ definition.key | replace('__', '.')
                ~ "' is live but has no criteria, so every " ~ ('company' if definition.kind == 'icp' else 'person of its ICP')
                ~ " passes it with a score of 100. Add criteria in seeds/definitions/criteria.csv or set its status to draft."
            ) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(parsed) }}
{% endmacro %}
