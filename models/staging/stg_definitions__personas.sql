-- The Persona definitions as typed data for BI, one row per Persona within its ICP.

with

source as (

    select * from {{ ref('personas') }}

),

typed as (

    select
        cast(icp_code as {{ dbt.type_string() }}) as icp_code,
        cast(persona_code as {{ dbt.type_string() }}) as persona_code,
        cast(persona_name as {{ dbt.type_string() }}) as persona_name,
        cast(status as {{ dbt.type_string() }}) as status,
        cast(priority as integer) as priority,
        cast(description as {{ dbt.type_string() }}) as description
    from source

)

select * from typed
