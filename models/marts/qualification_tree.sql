-- One row per node of the Qualification tree: each ICP, each Persona under it, a
-- system-managed "No persona fit" row under every ICP, and the "No ICP fit" and "No
-- company" rows, with counts and score summaries. Draft ICPs appear as still being
-- defined. `sort_order` gives the reading order.
-- depends_on: {{ ref('int_definitions__validated') }}
{%- set definitions = gtm_definitions(validate=false) %}

with

definitions as (

    select * from {{ ref('int_definitions__validated') }}

),

company_fit as (

    select * from {{ ref('company_fit') }}

),

person_fit as (

    select * from {{ ref('person_fit') }}

),

icp_summary as (

    select
        icp_code,
        count(*) as company_count,
        avg(icp_score) as avg_score,
        min(icp_score) as min_score,
        max(icp_score) as max_score
    from company_fit
    where icp_code is not null
    group by icp_code

),

icp_people as (

    select
        icp_code,
        count(*) as person_count
    from person_fit
    where icp_code is not null
    group by icp_code

),

persona_summary as (

    select
        icp_code,
        persona_code,
        count(*) as person_count,
        avg(persona_score) as avg_score,
        min(persona_score) as min_score,
        max(persona_score) as max_score
    from person_fit
    where persona_code is not null
    group by icp_code, persona_code

),

no_persona_fit as (

    select
        icp_code,
        count(*) as person_count
    from person_fit
    where qualification_status = 'no_persona_fit'
    group by icp_code

),

icps as (

    select
        definitions.*,
        row_number() over (order by definitions.priority, definitions.icp_code) as icp_order
    from definitions
    where definitions.definition_type = 'icp'

),

personas as (

    select
        definitions.*,
        row_number() over (
            partition by definitions.icp_code
            order by definitions.priority, definitions.persona_code
        ) as persona_order
    from definitions
    where definitions.definition_type = 'persona'

),

nodes as (

    select
        'icp:' || icps.icp_code as tree_node_key,
        'icp' as node_type,
        cast(null as {{ dbt.type_string() }}) as parent_node_key,
        icps.icp_code,
        cast(null as {{ dbt.type_string() }}) as persona_code,
        icps.definition_name as node_name,
        icps.status as definition_status,
        icps.status = 'draft' as is_being_defined,
        icps.icp_order * 1000 as sort_order,
        coalesce(icp_summary.company_count, 0) as company_count,
        coalesce(icp_people.person_count, 0) as person_count,
        icp_summary.avg_score,
        icp_summary.min_score,
        icp_summary.max_score
    from icps

    left join icp_summary
        on icps.icp_code = icp_summary.icp_code

    left join icp_people
        on icps.icp_code = icp_people.icp_code

    union all

    select
        'persona:' || personas.icp_code || ':' || personas.persona_code as tree_node_key,
        'persona' as node_type,
        'icp:' || personas.icp_code as parent_node_key,
        personas.icp_code,
        personas.persona_code,
        personas.definition_name as node_name,
        personas.status as definition_status,
        personas.status = 'draft' as is_being_defined,
        icps.icp_order * 1000 + personas.persona_order as sort_order,
        cast(null as integer) as company_count,
        coalesce(persona_summary.person_count, 0) as person_count,
        persona_summary.avg_score,
        persona_summary.min_score,
        persona_summary.max_score
    from personas

    inner join icps
        on personas.icp_code = icps.icp_code

    left join persona_summary
        on
            personas.icp_code = persona_summary.icp_code
            and personas.persona_code = persona_summary.persona_code

    union all

    select
        'no_persona_fit:' || icps.icp_code as tree_node_key,
        'no_persona_fit' as node_type,
        'icp:' || icps.icp_code as parent_node_key,
        icps.icp_code,
        cast(null as {{ dbt.type_string() }}) as persona_code,
        'No persona fit' as node_name,
        'system' as definition_status,
        false as is_being_defined,
        icps.icp_order * 1000 + 999 as sort_order,
        cast(null as integer) as company_count,
        coalesce(no_persona_fit.person_count, 0) as person_count,
        cast(null as {{ gtm_type_double() }}) as avg_score,
        cast(null as {{ gtm_type_double() }}) as min_score,
        cast(null as {{ gtm_type_double() }}) as max_score
    from icps

    left join no_persona_fit
        on icps.icp_code = no_persona_fit.icp_code

    where icps.status != 'draft'

    union all

    select
        'no_icp_fit' as tree_node_key,
        'no_icp_fit' as node_type,
        cast(null as {{ dbt.type_string() }}) as parent_node_key,
        cast(null as {{ dbt.type_string() }}) as icp_code,
        cast(null as {{ dbt.type_string() }}) as persona_code,
        'No ICP fit' as node_name,
        'system' as definition_status,
        false as is_being_defined,
        1000000 as sort_order,
        (
            select count(*) from company_fit
            where icp_code is null
        ) as company_count,
        (
            select count(*) from person_fit
            where qualification_status = 'no_icp_fit'
        ) as person_count,
        cast(null as {{ gtm_type_double() }}) as avg_score,
        cast(null as {{ gtm_type_double() }}) as min_score,
        cast(null as {{ gtm_type_double() }}) as max_score

    union all

    select
        'no_company' as tree_node_key,
        'no_company' as node_type,
        cast(null as {{ dbt.type_string() }}) as parent_node_key,
        cast(null as {{ dbt.type_string() }}) as icp_code,
        cast(null as {{ dbt.type_string() }}) as persona_code,
        'No company' as node_name,
        'system' as definition_status,
        false as is_being_defined,
        1000001 as sort_order,
        cast(null as integer) as company_count,
        (
            select count(*) from person_fit
            where qualification_status = 'no_company'
        ) as person_count,
        cast(null as {{ gtm_type_double() }}) as avg_score,
        cast(null as {{ gtm_type_double() }}) as min_score,
        cast(null as {{ gtm_type_double() }}) as max_score

),

final as (

    select
        cast(tree_node_key as {{ dbt.type_string() }}) as tree_node_key,
        cast(node_type as {{ dbt.type_string() }}) as node_type,
        cast(parent_node_key as {{ dbt.type_string() }}) as parent_node_key,
        cast(icp_code as {{ dbt.type_string() }}) as icp_code,
        cast(persona_code as {{ dbt.type_string() }}) as persona_code,
        cast(node_name as {{ dbt.type_string() }}) as node_name,
        cast(definition_status as {{ dbt.type_string() }}) as definition_status,
        cast(is_being_defined as boolean) as is_being_defined,
        cast(sort_order as integer) as sort_order,
        cast(company_count as integer) as company_count,
        cast(person_count as integer) as person_count,
        cast(round(cast(avg_score as {{ dbt.type_numeric() }}), 2) as decimal(5, 2)) as avg_score,
        cast(min_score as decimal(5, 2)) as min_score,
        cast(max_score as decimal(5, 2)) as max_score,
        cast({{ gtm_quote(definitions.version) }} as {{ dbt.type_string() }}) as definitions_version,
        {{ gtm_scored_at() }} as scored_at
    from nodes

)

select * from final
